package org.contacts.datastore;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells the driver's failures apart: which mean that the datastore cannot be reached or cannot take
 * writes right now, so that the same request may succeed later, and which are anything else.
 */
public final class DatastoreFailures {

  private DatastoreFailures() {}

  /** Whether this failure (not its causes) means the datastore is unavailable for now. */
  public static boolean isUnavailable(Throwable failure) {
    return failure instanceof MongoTimeoutException
        || failure instanceof MongoSocketException
        || failure instanceof MongoNotPrimaryException
        || failure instanceof MongoNodeIsRecoveringException
        || failure instanceof MongoConnectionPoolClearedException;
  }
}
