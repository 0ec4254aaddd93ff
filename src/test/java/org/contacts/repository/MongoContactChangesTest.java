package org.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.datastore.embedded.EmbeddedMongo;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactChange;
import org.contacts.model.ContactId;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.SentAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contacts' changes as the embedded datastore's change stream gives them. */
class MongoContactChangesTest {

  @TempDir static Path dataDirectory;

  private static EmbeddedMongo server;
  private static MongoClient client;

  private MongoCollection<Document> collection;
  private MongoCollection<Document> tombstones;
  private MongoContactRepository repository;
  private MongoContactChanges changes;

  @BeforeAll
  static void startDatastore() {
    server = EmbeddedMongo.start(dataDirectory.resolve("db.mv"), 0);
    client = MongoClients.create(server.connectionString());
  }

  @AfterAll
  static void stopDatastore() {
    client.close();
    server.close();
  }

  @BeforeEach
  void createRepository() {
    collection = client.getDatabase("changes_test").getCollection("contacts_" + new ObjectId());
    tombstones = MongoContactRepository.tombstonesBeside(client, collection);
    repository = new MongoContactRepository(collection, tombstones, 500);
    changes = new MongoContactChanges(collection, repository);
  }

  @AfterEach
  void dropCollections() {
    collection.drop();
    tombstones.drop();
  }

  private static final Change BY_ANN = Change.now("ann");

  @Test
  void everyWriteComesOnceInOrderAsWrittenAndADeletionWithItsLastVersion() {
    String start = changes.present();
    Contact ann = repository.insert(null, Map.of("firstName", "Ann", "lastName", "Lee"), BY_ANN);
    ContactId id = ann.id();
    repository.update(id, ExpectedVersion.NONE, SentAttributes.of("city", "Austin"), BY_ANN);
    repository.replace(
        id, ExpectedVersion.NONE, Map.of("firstName", "Ann", "lastName", "Moss"), BY_ANN);
    repository.delete(id, ExpectedVersion.NONE, BY_ANN);

    ContactChanges.Batch batch = changes.after(start, 10);

    List<ContactChange> seen =
        batch.changes().stream().map(ContactChanges.Positioned::change).toList();
    assertEquals(4, seen.size(), () -> "four changes: " + seen);
    assertEquals(1, written(seen.get(0)).version(), "the creation, as written");
    assertEquals("Austin", written(seen.get(1)).attribute("city"), "the update, as written");
    assertEquals(2, written(seen.get(1)).version(), "at version 2");
    assertEquals("Moss", written(seen.get(2)).attribute("lastName"), "the replacement");
    assertEquals(new ContactChange.Deleted(ann.id(), 3L), seen.get(3), "the deletion, version 3");
    assertTrue(batch.caughtUp(), "nothing more was waiting");
  }

  @Test
  void readingOnFromAPositionGivesWhatFollowsItAndNoMore() {
    String start = changes.present();
    Contact ann = repository.insert(null, Map.of("firstName", "Ann", "lastName", "Lee"), BY_ANN);
    Contact bo = repository.insert(null, Map.of("firstName", "Bo", "lastName", "Ray"), BY_ANN);

    ContactChanges.Batch first = changes.after(start, 1);
    assertEquals(ann.id(), first.changes().get(0).change().id(), "the first change");
    assertFalse(first.caughtUp(), "a full batch may not be all");

    ContactChanges.Batch rest = changes.after(first.next(), 10);
    assertEquals(
        List.of(bo.id()),
        rest.changes().stream().map(change -> change.change().id()).toList(),
        "only what follows");
    ContactChanges.Batch none = changes.after(rest.next(), 10);
    assertTrue(none.changes().isEmpty() && none.caughtUp(), "then nothing, caught up");
  }

  @Test
  void textThatIsNoPositionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> changes.after("x1", 10), "unknown kind");
    assertThrows(IllegalArgumentException.class, () -> changes.after("t1.x", 10), "not a time");
  }

  private static Contact written(ContactChange change) {
    return ((ContactChange.Written) change).contact();
  }
}
