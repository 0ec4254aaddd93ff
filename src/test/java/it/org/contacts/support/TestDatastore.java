package it.org.contacts.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.contacts.datastore.embedded.EmbeddedMongo;

/**
 * The datastore of the integration-test server: the project's embedded MongoDB, started in the test
 * JVM on the port the server was configured with, so tests can look at what was stored and can stop
 * and restart it under the running service.
 */
public final class TestDatastore {

  private static EmbeddedMongo server;
  private static MongoClient client;

  private TestDatastore() {}

  static boolean isConfigured() {
    return System.getProperty("it.mongo.port") != null;
  }

  public static synchronized void start() {
    if (server == null) {
      server = EmbeddedMongo.start(Path.of(System.getProperty("it.mongo.file")), port());
    }
  }

  /** Stops the datastore as an outage would: the service's connections break. */
  public static synchronized void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public static String connectionString() {
    return "mongodb://127.0.0.1:" + port();
  }

  /** The collection the service keeps contacts in, seen directly. */
  public static synchronized MongoCollection<Document> contacts() {
    if (client == null) {
      client = MongoClients.create(connectionString());
    }
    return client.getDatabase("test").getCollection("contacts");
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("it.mongo.port"));
  }
}
