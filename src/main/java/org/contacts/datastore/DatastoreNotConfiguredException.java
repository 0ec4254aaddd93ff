package org.contacts.datastore;

/**
 * No MongoDB URI is configured and no embedded datastore can stand in for one. The message says
 * what is missing and names MONGO_URI; it never holds a connection string.
 */
public class DatastoreNotConfiguredException extends RuntimeException {

  public DatastoreNotConfiguredException(String reason) {
    super(reason, null, false, false);
  }
}
