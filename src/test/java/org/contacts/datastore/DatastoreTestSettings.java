package org.contacts.datastore;

/** Datastore settings as MicroProfile Config would inject them, for tests without a container. */
public final class DatastoreTestSettings {

  private DatastoreTestSettings() {}

  public static DatastoreSettings of(long timeoutMillis, int maxConcurrentRequests) {
    DatastoreSettings settings = new DatastoreSettings();
    settings.timeoutMillis = timeoutMillis;
    settings.maxConcurrentRequests = maxConcurrentRequests;
    settings.retryAfterSeconds = 5;
    return settings;
  }
}
