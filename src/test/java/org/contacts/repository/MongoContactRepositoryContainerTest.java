package org.contacts.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same contract on a real MongoDB, so that the embedded datastore cannot hide a difference.
 * Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContactRepositoryContainerTest extends ContactRepositoryContract {

  @Container static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

  private static MongoClient client;

  @BeforeAll
  static void connect() {
    client = MongoClients.create(countingCommands(mongo.getConnectionString()));
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Override
  protected MongoCollection<Document> newCollection() {
    return uniqueCollection(client);
  }

  @Override
  protected MongoCollection<Document> tombstonesOf(MongoCollection<Document> contacts) {
    return MongoContactRepository.tombstonesBeside(client, contacts);
  }
}
