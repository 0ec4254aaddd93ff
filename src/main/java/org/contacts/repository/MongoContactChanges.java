package org.contacts.repository;

import com.mongodb.MongoServerException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.contacts.model.ContactChange;
import org.contacts.model.ContactId;

/**
 * The contacts' changes from MongoDB's change stream on their collection. A position is either a
 * resume token ({@code r} and its hex text), or, where the datastore gives no token before the
 * first change (the embedded datastore), an operation time ({@code t} and seconds.increment) from
 * which the stream starts inclusively: a change at that time may then come twice, never not at all.
 *
 * <p>A change carries the contact as written where the stream has it, and otherwise the contact as
 * it is now (a newer version; a contact gone since is skipped, its deletion follows). A deletion's
 * last version comes from the tombstone the repository wrote before deleting.
 */
@ApplicationScoped
public class MongoContactChanges implements ContactChanges {

  /** How long a read waits for a change before it says it reached the present. */
  static final long AWAIT_MILLIS = 100;

  /**
   * How far before the present an operation time starts: the embedded datastore and the service
   * share one clock, so this only covers the second in progress.
   */
  static final long CLOCK_MARGIN_SECONDS = 1;

  /** MongoDB's codes for a resume point that has left the oplog. */
  private static final Set<Integer> HISTORY_LOST = Set.of(136, 280, 286);

  private MongoCollection<Document> collection;
  private ContactRepository repository;

  @Inject
  public MongoContactChanges(MongoCollection<Document> collection, ContactRepository repository) {
    this.collection = collection;
    this.repository = repository;
  }

  /** For CDI's proxies only. */
  protected MongoContactChanges() {}

  @Override
  public String present() {
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
        collection.watch().cursor()) {
      BsonDocument token = cursor.getResumeToken();
      if (token != null) {
        return tokenPosition(token);
      }
    }
    return "t" + (Instant.now().getEpochSecond() - CLOCK_MARGIN_SECONDS) + ".0";
  }

  @Override
  public Batch after(String position, int max) {
    ChangeStreamIterable<Document> stream =
        from(
            collection
                .watch()
                .fullDocument(FullDocument.UPDATE_LOOKUP)
                .maxAwaitTime(AWAIT_MILLIS, TimeUnit.MILLISECONDS)
                .batchSize(max),
            position);
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = stream.cursor()) {
      List<Positioned> changes = new ArrayList<>();
      String next = position;
      while (changes.size() < max) {
        ChangeStreamDocument<Document> event = cursor.tryNext();
        if (event == null) {
          BsonDocument token = cursor.getResumeToken();
          return new Batch(changes, token == null ? next : tokenPosition(token), true);
        }
        next = tokenPosition(event.getResumeToken());
        String after = next;
        changeOf(event).ifPresent(change -> changes.add(new Positioned(change, after)));
      }
      return new Batch(changes, next, false);
    } catch (MongoServerException e) {
      if (HISTORY_LOST.contains(e.getCode())) {
        throw new ChangeHistoryLostException(e);
      }
      throw e;
    }
  }

  private static ChangeStreamIterable<Document> from(
      ChangeStreamIterable<Document> stream, String position) {
    if (position.startsWith("r") && position.length() > 1) {
      return stream.resumeAfter(new BsonDocument("_data", new BsonString(position.substring(1))));
    }
    if (position.startsWith("t")) {
      String[] parts = position.substring(1).split("\\.", -1);
      if (parts.length == 2) {
        try {
          return stream.startAtOperationTime(
              new BsonTimestamp(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a position", e);
        }
      }
    }
    throw new IllegalArgumentException("not a position");
  }

  private static String tokenPosition(BsonDocument token) {
    return "r" + token.getString("_data").getValue();
  }

  private Optional<ContactChange> changeOf(ChangeStreamDocument<Document> event) {
    Optional<ContactId> id = idOf(event.getDocumentKey());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return switch (event.getOperationTypeString()) {
      case "insert", "update", "replace" ->
          written(id.get(), event.getFullDocument(), event.getDocumentKey());
      case "delete" ->
          Optional.of(
              new ContactChange.Deleted(
                  id.get(), repository.deletedVersion(id.get()).orElse(null)));
      default -> Optional.empty();
    };
  }

  /**
   * The contact as the stream carries it, or else as it is now. The embedded datastore reports a
   * replacement as an update whose document key is the whole document written, and without a full
   * document: that key is then the contact as written.
   */
  private Optional<ContactChange> written(
      ContactId id, Document fullDocument, BsonDocument documentKey) {
    if (fullDocument != null && fullDocument.containsKey(ContactMapping.ID)) {
      return Optional.of(new ContactChange.Written(ContactMapping.toContact(fullDocument)));
    }
    if (documentKey.containsKey(ContactMapping.VERSION)) {
      return Optional.of(
          new ContactChange.Written(
              ContactMapping.toContact(
                  collection
                      .getCodecRegistry()
                      .get(Document.class)
                      .decode(documentKey.asBsonReader(), DecoderContext.builder().build()))));
    }
    return repository.findById(id).map(ContactChange.Written::new);
  }

  private static Optional<ContactId> idOf(BsonDocument documentKey) {
    BsonValue id = documentKey == null ? null : documentKey.get(ContactMapping.ID);
    return id instanceof BsonObjectId objectId
        ? ContactId.parse(objectId.getValue().toHexString())
        : Optional.empty();
  }
}
