package org.contacts.repository;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.datastore.embedded.EmbeddedMongo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The project's embedded datastore for one test class, started before its tests on a file of its
 * own and removed after them, with a new collection for each test that asks. Register it as a
 * static field with {@code @RegisterExtension}.
 */
public final class EmbeddedCollections implements BeforeAllCallback, AfterAllCallback {

  private final Function<String, MongoClientSettings> settings;
  private Path directory;
  private EmbeddedMongo server;
  private MongoClient client;

  public EmbeddedCollections() {
    this(
        connectionString ->
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .build());
  }

  /** With the client settings this function makes of the datastore's connection string. */
  public EmbeddedCollections(Function<String, MongoClientSettings> settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    directory = Files.createTempDirectory("embedded-datastore");
    server = EmbeddedMongo.start(directory.resolve("db.mv"), 0);
    client = MongoClients.create(settings.apply(server.connectionString()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    client.close();
    server.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** A new, empty collection that no other test uses. */
  public MongoCollection<Document> newCollection() {
    return client.getDatabase("contacts_test").getCollection("contacts_" + new ObjectId());
  }
}
