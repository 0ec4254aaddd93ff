package org.contacts.datastore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and how to reach MongoDB. {@code mongo.uri} is MONGO_URI in the environment, as the
 * original service read it.
 */
@ApplicationScoped
public class DatastoreSettings {

  @Inject
  @ConfigProperty(name = "mongo.uri")
  Optional<String> uri;

  @Inject
  @ConfigProperty(name = "mongo.embedded", defaultValue = "false")
  boolean embedded;

  @Inject
  @ConfigProperty(name = "mongo.embedded.file", defaultValue = "data/contacts.mv")
  String embeddedFile;

  @Inject
  @ConfigProperty(name = "mongo.embedded.port", defaultValue = "27017")
  int embeddedPort;

  @Inject
  @ConfigProperty(name = "mongo.database", defaultValue = "test")
  String database;

  @Inject
  @ConfigProperty(name = "mongo.collection", defaultValue = "contacts")
  String collection;

  @Inject
  @ConfigProperty(name = "mongo.server-selection-timeout-ms", defaultValue = "1500")
  int serverSelectionTimeoutMillis;

  @Inject
  @ConfigProperty(name = "mongo.connect-timeout-ms", defaultValue = "5000")
  int connectTimeoutMillis;

  @Inject
  @ConfigProperty(name = "mongo.timeout-ms", defaultValue = "2000")
  long timeoutMillis;

  @Inject
  @ConfigProperty(name = "mongo.max-concurrent-requests", defaultValue = "64")
  int maxConcurrentRequests;

  @Inject
  @ConfigProperty(name = "mongo.queue-timeout-ms", defaultValue = "100")
  long queueTimeoutMillis;

  @Inject
  @ConfigProperty(name = "mongo.min-pool-size", defaultValue = "64")
  int minPoolSize;

  @Inject
  @ConfigProperty(name = "mongo.max-pool-size", defaultValue = "72")
  int maxPoolSize;

  @Inject
  @ConfigProperty(name = "mongo.write-concern", defaultValue = "majority")
  String writeConcern;

  @Inject
  @ConfigProperty(name = "mongo.retry-after-seconds", defaultValue = "5")
  int retryAfterSeconds;

  @Inject
  @ConfigProperty(name = "mongo.seed-count", defaultValue = "500")
  int seedCount;

  /** The connection string, when one is configured: production always has one. */
  public Optional<String> uri() {
    return uri.filter(value -> !value.isBlank());
  }

  /** Whether, lacking a URI, to start the embedded datastore (development and tests only). */
  public boolean embedded() {
    return embedded;
  }

  public String embeddedFile() {
    return embeddedFile;
  }

  /** Where the embedded datastore listens, on 127.0.0.1, as a local MongoDB would. */
  public int embeddedPort() {
    return embeddedPort;
  }

  public String database() {
    return database;
  }

  public String collection() {
    return collection;
  }

  public int serverSelectionTimeoutMillis() {
    return serverSelectionTimeoutMillis;
  }

  /**
   * How long opening a connection may take, and how long the driver's monitor waits for the
   * datastore's answer to its heartbeat before it counts the datastore unreachable.
   */
  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /**
   * The deadline of a request's datastore work: server selection, connection checkout, every
   * operation and retry, all together.
   */
  public long timeoutMillis() {
    return timeoutMillis;
  }

  /** How many requests may wait on the datastore at once; more wait for a turn, briefly. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** How long a request beyond the bulkhead waits for its turn before it is refused. */
  public long queueTimeoutMillis() {
    return queueTimeoutMillis;
  }

  /**
   * How many connections the driver keeps open even when idle, at most {@link #maxPoolSize()}: as
   * many as the bulkhead lets through, so that a burst finds them open.
   */
  public int minPoolSize() {
    return Math.min(minPoolSize, maxPoolSize);
  }

  public int maxPoolSize() {
    return maxPoolSize;
  }

  public String writeConcern() {
    return writeConcern;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** How many generated contacts to seed an empty embedded datastore with. */
  public int seedCount() {
    return seedCount;
  }
}
