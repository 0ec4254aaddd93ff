package org.contacts.datastore;

/**
 * A MongoDB server that the service runs in its own JVM, for development without MongoDB. Only the
 * development build has one (src/dev/java); {@link MongoProducer} looks it up as an optional CDI
 * bean, so the production build simply has none.
 */
public interface EmbeddedDatastore {

  /** Starts the server unless it is running, and returns its connection string. */
  String start();

  /** Stops the server; its data stays in its file for the next start. */
  void stop();
}
