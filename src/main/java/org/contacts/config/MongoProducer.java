package org.contacts.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.contacts.telemetry.DatastoreTelemetry;

/**
 * Makes the application's one MongoClient from configuration, and closes it at shutdown. Without a
 * URI it starts the embedded datastore when that is enabled, and otherwise refuses to connect
 * anywhere: a production deployment never falls back to an empty datastore.
 */
@ApplicationScoped
public class MongoProducer {

  private static final Logger LOG = Logger.getLogger(MongoProducer.class.getName());

  @Inject DatastoreSettings settings;
  @Inject DatastoreTelemetry telemetry;

  private EmbeddedMongo embedded;

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
                    socket
                        .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(settings.socketTimeoutMillis(), TimeUnit.MILLISECONDS))
            .addCommandListener(telemetry)
            .applyToConnectionPoolSettings(
                pool ->
                    pool.addConnectionPoolListener(telemetry)
                        .maxSize(settings.maxPoolSize())
                        .maxWaitTime(
                            settings.serverSelectionTimeoutMillis(), TimeUnit.MILLISECONDS))
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
        embedded.close();
        embedded = null;
        LOG.info("Embedded datastore stopped");
      }
    }
  }

  /** Whether this application runs on the embedded development datastore. */
  public boolean usesEmbedded() {
    return settings.uri().isEmpty() && settings.embedded();
  }

  private synchronized String embeddedUri() {
    if (!settings.embedded()) {
      LOG.severe(DatastoreNotConfiguredException.DETAIL);
      throw new DatastoreNotConfiguredException();
    }
    if (embedded == null) {
      Path file = Path.of(settings.embeddedFile()).toAbsolutePath();
      embedded = startEmbedded(file);
      LOG.warning(
          () ->
              "MONGO_URI is not set: using the EMBEDDED development datastore at "
                  + embedded.connectionString()
                  + ", data in "
                  + file
                  + ". Set MONGO_URI to use MongoDB.");
    }
    return embedded.connectionString();
  }

  /** On the usual MongoDB port when it is free, so that MongoDB tools find it; else on any. */
  private EmbeddedMongo startEmbedded(Path file) {
    try {
      return EmbeddedMongo.start(file, settings.embeddedPort());
    } catch (RuntimeException portTaken) {
      LOG.warning(
          () ->
              "Port "
                  + settings.embeddedPort()
                  + " is taken; the embedded datastore uses a free one");
      return EmbeddedMongo.start(file, 0);
    }
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
