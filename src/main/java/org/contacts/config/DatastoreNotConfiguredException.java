package org.contacts.config;

import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/** No MongoDB URI is configured and the embedded datastore is not enabled. */
public class DatastoreNotConfiguredException extends ApiException {

  public static final String DETAIL =
      "No datastore is configured: set MONGO_URI to the MongoDB connection string.";

  public DatastoreNotConfiguredException() {
    super(ErrorObject.of(503, "Datastore is not configured", DETAIL));
  }
}
