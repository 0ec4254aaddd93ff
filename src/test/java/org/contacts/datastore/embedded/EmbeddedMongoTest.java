package org.contacts.datastore.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @TempDir Path dir;

  @Test
  void aTakenPortLeavesTheDataFileFreeForAnotherAttempt() throws Exception {
    Path file = dir.resolve("contacts.mv");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThrows(
          RuntimeException.class,
          () -> EmbeddedMongo.start(file, taken.getLocalPort()),
          "the port is taken");
    }
    try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      client
          .getDatabase("test")
          .getCollection("contacts")
          .insertOne(new Document("firstName", "Ada"));
      assertEquals(
          1,
          client.getDatabase("test").getCollection("contacts").countDocuments(),
          "the file is usable");
    }
  }

  @Test
  void dataSurvivesARestartOnTheSameFile() {
    Path file = dir.resolve("contacts.mv");
    try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      client
          .getDatabase("test")
          .getCollection("contacts")
          .insertOne(new Document("firstName", "Grace"));
    }
    try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      assertEquals(
          1,
          client.getDatabase("test").getCollection("contacts").countDocuments(),
          "the contact is still there");
    }
  }
}
