package org.contacts.datastore;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import org.contacts.datastore.DatastoreUnavailableException.Kind;

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

  /** Whether this failure is the deadline (or a read timeout) running out. */
  public static boolean isTimeout(Throwable failure) {
    return failure instanceof MongoOperationTimeoutException
        || failure instanceof MongoSocketReadTimeoutException;
  }

  /**
   * The kind of "not now" this failure is by its type alone, or null when it is no such failure.
   * The gate, which can ask the driver whether the datastore answers its heartbeats, tells a
   * timeout of a reachable datastore from one of an unreachable one more exactly.
   */
  public static Kind kindOf(Throwable failure) {
    if (failure instanceof DatastoreUnavailableException unavailable) {
      return unavailable.kind();
    }
    if (isTimeout(failure)) {
      return Kind.TOO_SLOW;
    }
    return isUnavailable(failure) ? Kind.UNREACHABLE : null;
  }
}
