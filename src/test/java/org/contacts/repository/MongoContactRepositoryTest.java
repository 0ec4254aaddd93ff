package org.contacts.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.contacts.datastore.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository on the project's embedded datastore, which every machine has. */
class MongoContactRepositoryTest extends ContactRepositoryContract {

  @TempDir static Path dataDirectory;

  private static EmbeddedMongo server;
  private static MongoClient client;

  @BeforeAll
  static void startDatastore() {
    server = EmbeddedMongo.start(dataDirectory.resolve("db.mv"), 0);
    client = MongoClients.create(countingCommands(server.connectionString()));
  }

  @AfterAll
  static void stopDatastore() {
    client.close();
    server.close();
  }

  @Override
  protected MongoCollection<Document> newCollection() {
    return uniqueCollection(client);
  }

  @Override
  protected MongoClient client() {
    return client;
  }
}
