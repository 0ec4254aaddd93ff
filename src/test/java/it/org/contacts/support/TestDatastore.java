package it.org.contacts.support;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.bson.Document;
import org.contacts.datastore.embedded.EmbeddedMongo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

/**
 * The datastore of the integration-test server, started in the test JVM so that tests can look at
 * what was stored. By default it is the project's embedded MongoDB, on the port the server was
 * configured with, which tests can stop and restart under the running service. With {@value
 * #SWITCH}={@code testcontainers} (or the environment variable {@code IT_DATASTORE}) it is a real
 * MongoDB in Testcontainers, where a Docker engine is available; without one the run says so in a
 * warning and in the disabled {@code RealMongoDbIT}, and falls back to the embedded datastore.
 * Tests that restart the datastore are disabled on Testcontainers ({@link #isRealMongoDb}).
 */
public final class TestDatastore {

  public static final String SWITCH = "it.datastore";

  /** The image of the real MongoDB: the one datastore/Dockerfile builds on. */
  public static final String MONGO_IMAGE = "mongo:8.0";

  private static final Logger LOG = Logger.getLogger(TestDatastore.class.getName());

  private static EmbeddedMongo embedded;
  private static MongoDBContainer container;
  private static MongoClient client;

  private TestDatastore() {}

  static boolean isConfigured() {
    return System.getProperty("it.mongo.port") != null;
  }

  /** Starts the datastore the switch asks for, once for the whole test run. */
  static synchronized void startForSession() {
    if (requestsTestcontainers()) {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        container = new MongoDBContainer(MONGO_IMAGE);
        container.start();
        return;
      }
      LOG.warning(
          SWITCH
              + "=testcontainers asks for a real MongoDB, but no Docker engine is available:"
              + " the integration tests run on the embedded datastore.");
    }
    start();
  }

  static synchronized void stopForSession() {
    stop();
    if (container != null) {
      container.stop();
      container = null;
    }
  }

  /** Whether the service runs on a real MongoDB in Testcontainers. */
  public static boolean isRealMongoDb() {
    return container != null;
  }

  private static boolean requestsTestcontainers() {
    String asked = System.getProperty(SWITCH, "");
    if (asked.isBlank()) {
      asked = System.getenv().getOrDefault("IT_DATASTORE", "");
    }
    return asked.trim().toLowerCase(Locale.ROOT).equals("testcontainers");
  }

  /** Starts the embedded datastore again on its port and data file, as after an outage. */
  public static synchronized void start() {
    if (embedded == null && container == null) {
      embedded = EmbeddedMongo.start(Path.of(System.getProperty("it.mongo.file")), port());
    }
  }

  /** Stops the embedded datastore as an outage would: the service's connections break. */
  public static synchronized void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** A fault proxy in front of this datastore, closed after the lifetime. */
  public static FaultProxy throughFaultProxy(java.time.Duration lifetime) {
    String[] hostPort = new ConnectionString(connectionString()).getHosts().get(0).split(":");
    return FaultProxy.start(hostPort[0], Integer.parseInt(hostPort[1]), lifetime);
  }

  public static String connectionString() {
    return container != null ? container.getConnectionString() : "mongodb://127.0.0.1:" + port();
  }

  /** The collection the service keeps contacts in, seen directly. */
  public static synchronized MongoCollection<Document> contacts() {
    if (client == null) {
      client = MongoClients.create(connectionString());
    }
    return client.getDatabase("test").getCollection("contacts");
  }

  /** The version the datastore reports of itself, as a driver sees it. */
  public static synchronized String serverVersion() {
    contacts();
    return client
        .getDatabase("admin")
        .runCommand(new Document("buildInfo", 1))
        .getString("version");
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("it.mongo.port"));
  }
}
