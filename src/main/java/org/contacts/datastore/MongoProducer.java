package org.contacts.datastore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.contacts.telemetry.DatastoreTelemetry;

/**
 * Makes the application's one MongoClient from configuration, and closes it at shutdown. Without a
 * URI it starts the embedded datastore when that is enabled and the build has one (only the
 * development build does), and otherwise refuses to connect anywhere: a production deployment never
 * falls back to an empty datastore.
 */
@ApplicationScoped
public class MongoProducer {

  private static final Logger LOG = Logger.getLogger(MongoProducer.class.getName());

  static final String NOT_CONFIGURED =
      "No datastore is configured: set MONGO_URI to the MongoDB connection string.";
  static final String NO_EMBEDDED_IN_BUILD =
      "MONGO_EMBEDDED is set, but this is a production build and has no embedded datastore:"
          + " set MONGO_URI to the MongoDB connection string.";

  @Inject DatastoreSettings settings;
  @Inject DatastoreTelemetry telemetry;
  @Inject Instance<EmbeddedDatastore> embeddedDatastores;

  private EmbeddedDatastore embedded;

  @Produces
  @ApplicationScoped
  MongoClient mongoClient() {
    String uri = settings.uri().orElseGet(this::embeddedUri);
    ConnectionString connectionString;
    try {
      connectionString = new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      // The driver's message can quote the string, password included.
      throw new IllegalStateException("MONGO_URI is not a valid MongoDB connection string");
    }
    MongoClientSettings clientSettings =
        MongoClientSettings.builder()
            .applyConnectionString(connectionString)
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(
                        settings.serverSelectionTimeoutMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket ->
                    socket.connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS))
            // The client-side operation timeout bounds server selection, connection checkout, the
            // operation and its retries together; it replaces the socket read timeout and the
            // pool's wait, which the driver ignores once it is set.
            .timeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
            .addCommandListener(telemetry)
            // The pool is opened before the first burst, not during it. The driver bounds a
            // checkout by the server-selection timeout and opens two connections at a time; a
            // handshake waits behind a busy datastore's work, so a pool that grew under load had
            // requests refused as too slow while the datastore still answered within the deadline.
            .applyToConnectionPoolSettings(
                pool ->
                    pool.addConnectionPoolListener(telemetry)
                        .minSize(settings.minPoolSize())
                        .maxSize(settings.maxPoolSize()))
            .writeConcern(writeConcern())
            .build();
    LOG.info(() -> "Connecting to MongoDB at " + RedactedUri.of(uri));
    return MongoClients.create(clientSettings);
  }

  @Produces
  @ApplicationScoped
  MongoCollection<Document> contactsCollection(MongoClient client) {
    MongoDatabase database = client.getDatabase(settings.database());
    return database.getCollection(settings.collection());
  }

  void closeClient(@Disposes MongoClient client) {
    client.close();
    LOG.info("MongoDB client closed");
    // The embedded datastore exists only for this client, so it stops after it.
    synchronized (this) {
      if (embedded != null) {
        embedded.stop();
        embedded = null;
      }
    }
  }

  /** Whether this application runs on the embedded development datastore. */
  public boolean usesEmbedded() {
    return settings.uri().isEmpty() && settings.embedded() && embeddedDatastores.isResolvable();
  }

  private synchronized String embeddedUri() {
    if (!settings.embedded()) {
      throw notConfigured(NOT_CONFIGURED);
    }
    if (!embeddedDatastores.isResolvable()) {
      throw notConfigured(NO_EMBEDDED_IN_BUILD);
    }
    if (embedded == null) {
      embedded = embeddedDatastores.get();
    }
    return embedded.start();
  }

  private static DatastoreNotConfiguredException notConfigured(String reason) {
    LOG.severe(reason);
    return new DatastoreNotConfiguredException(reason);
  }

  private WriteConcern writeConcern() {
    String value = settings.writeConcern().trim();
    if (value.equalsIgnoreCase("majority")) {
      return WriteConcern.MAJORITY;
    }
    try {
      return new WriteConcern(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return new WriteConcern(value);
    }
  }
}
