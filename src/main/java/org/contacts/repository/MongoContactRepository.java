package org.contacts.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.cursor.TimeoutMode;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.config.ContactsSettings;
import org.contacts.datastore.DatastoreDeadline;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.SortKey;

/**
 * Keeps contacts in one MongoDB collection, one document per contact. The application reaches it
 * through {@link GatedContactRepository}, hence its one bean type.
 */
@ApplicationScoped
@Typed(MongoContactRepository.class)
public class MongoContactRepository implements ContactRepository {

  private static final Logger LOG = Logger.getLogger(MongoContactRepository.class.getName());

  /** How many contacts an export's cursor fetches per round trip. */
  private static final int EXPORT_BATCH_SIZE = 1000;

  private MongoCollection<Document> collection;
  private MongoCollection<Document> tombstones;
  private long countTimeLimitMillis;

  @Inject
  public MongoContactRepository(
      MongoClient client, MongoCollection<Document> collection, ContactsSettings settings) {
    this(collection, tombstonesBeside(client, collection), settings.countTimeLimitMillis());
  }

  /**
   * @param tombstones where the last version of each deleted contact is kept
   * @param countTimeLimitMillis how long counting the matches of a filtered query may take before
   *     the page is sent without a total
   */
  public MongoContactRepository(
      MongoCollection<Document> collection,
      MongoCollection<Document> tombstones,
      long countTimeLimitMillis) {
    this.collection = collection;
    this.tombstones = tombstones;
    this.countTimeLimitMillis = countTimeLimitMillis;
  }

  /** The collection of tombstones beside a contacts collection: its name and "_deleted". */
  public static MongoCollection<Document> tombstonesBeside(
      MongoClient client, MongoCollection<Document> contacts) {
    return client
        .getDatabase(contacts.getNamespace().getDatabaseName())
        .getCollection(contacts.getNamespace().getCollectionName() + "_deleted");
  }

  /** For CDI's proxies only. */
  protected MongoContactRepository() {}

  @Override
  public void ensureIndexes() {
    for (String attribute : ContactAttributes.NAMES) {
      collection()
          .createIndex(
              Indexes.ascending(attribute, ContactMapping.ID),
              new IndexOptions().name(attribute + "_id"));
    }
    collection()
        .createIndex(
            Indexes.ascending(ContactMapping.UPDATED_AT, ContactMapping.ID),
            new IndexOptions().name(ContactMapping.UPDATED_AT + "_id"));
    collection()
        .createIndex(Indexes.ascending(ContactMapping.SEARCH), new IndexOptions().name("search"));
    LOG.info(() -> "Indexes ensured on collection " + collection().getNamespace().getFullName());
  }

  @Override
  public ContactPage findPage(ContactQuery query) {
    Bson filter = ContactQueries.filterOf(query);
    ContactQuery.Page page = query.page();
    List<SortKey> order = ContactQueries.orderOf(query.sort());
    boolean backwards = page.before() != null;
    Bson keyset =
        page.after() != null
            ? ContactQueries.after(order, page.after())
            : backwards ? ContactQueries.before(order, page.before()) : null;
    Bson where = keyset == null ? filter : and(filter, keyset);
    FindIterable<Document> documents =
        collection()
            .find(where)
            .sort(ContactQueries.sortOf(order, backwards))
            .skip(page.offset())
            .limit(page.size() + 1);
    List<Contact> contacts = new ArrayList<>(page.size() + 1);
    for (Document document : documents) {
      contacts.add(ContactMapping.toContact(document));
    }
    boolean hasMore = contacts.size() > page.size();
    if (hasMore) {
      contacts.remove(contacts.size() - 1);
    }
    if (backwards) {
      Collections.reverse(contacts);
    }
    return total(query, filter, contacts, hasMore);
  }

  private ContactPage total(
      ContactQuery query, Bson filter, List<Contact> contacts, boolean hasMore) {
    if (!query.isFiltered()) {
      return new ContactPage(contacts, collection().estimatedDocumentCount(), false, hasMore);
    }
    try {
      long total = DatastoreDeadline.bound(collection, countTimeLimitMillis).countDocuments(filter);
      return new ContactPage(contacts, total, true, hasMore);
    } catch (MongoOperationTimeoutException e) {
      return new ContactPage(contacts, null, false, hasMore);
    }
  }

  @Override
  public Optional<Contact> findById(ContactId id) {
    return Optional.ofNullable(collection().find(byId(id)).first()).map(ContactMapping::toContact);
  }

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes, Change change) {
    ObjectId objectId = id == null ? new ObjectId() : objectId(id);
    Document document = ContactMapping.toNewDocument(objectId, attributes, change);
    try {
      collection().insertOne(document);
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateContactException(
            id != null ? id : new ContactId(objectId.toHexString()));
      }
      throw e;
    }
    return ContactMapping.toContact(document);
  }

  @Override
  public Stream<Contact> findAllMatching(ContactQuery query) {
    List<SortKey> order = ContactQueries.orderOf(query.sort());
    MongoCollection<Document> bounded = collection();
    FindIterable<Document> selection =
        bounded
            .find(ContactQueries.filterOf(query))
            .sort(ContactQueries.sortOf(order, false))
            .batchSize(EXPORT_BATCH_SIZE);
    if (bounded.getTimeout(TimeUnit.MILLISECONDS) != null) {
      // The deadline bounds each batch, not the whole export, which may be long.
      selection = selection.timeoutMode(TimeoutMode.ITERATION);
    }
    MongoCursor<Document> cursor = selection.cursor();
    Iterator<Contact> contacts =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return cursor.hasNext();
          }

          @Override
          public Contact next() {
            return ContactMapping.toContact(cursor.next());
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                contacts, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }

  /**
   * Unordered, so that a taken id refuses its own contact and no other; any other failure of a
   * write is the whole batch's.
   */
  @Override
  public BatchResult insertAll(List<NewContact> contacts, Change change) {
    if (contacts.isEmpty()) {
      return new BatchResult(List.of(), Set.of());
    }
    List<Document> documents = new ArrayList<>(contacts.size());
    List<ContactId> ids = new ArrayList<>(contacts.size());
    for (NewContact contact : contacts) {
      ObjectId objectId = contact.id() == null ? new ObjectId() : objectId(contact.id());
      documents.add(ContactMapping.toNewDocument(objectId, contact.attributes(), change));
      ids.add(contact.id() == null ? new ContactId(objectId.toHexString()) : contact.id());
    }
    Set<Integer> taken = new HashSet<>();
    try {
      collection().insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        throw e;
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        taken.add(error.getIndex());
      }
    }
    List<ContactId> created = new ArrayList<>(ids.size() - taken.size());
    for (int i = 0; i < ids.size(); i++) {
      if (!taken.contains(i)) {
        created.add(ids.get(i));
      }
    }
    return new BatchResult(created, taken);
  }

  /** Looks the addresses up among the indexed search keys, which hold them in lower case. */
  @Override
  public Set<String> emailsInUse(Collection<String> emails) {
    Set<String> wanted = new HashSet<>();
    emails.forEach(email -> wanted.add(email.toLowerCase(Locale.ROOT)));
    Set<String> found = new HashSet<>();
    if (wanted.isEmpty()) {
      return found;
    }
    for (Document document :
        collection()
            .find(in(ContactMapping.SEARCH, wanted))
            .projection(new Document(ContactAttributes.EMAIL, 1))) {
      Object email = document.get(ContactAttributes.EMAIL);
      String lower = email == null ? null : email.toString().toLowerCase(Locale.ROOT);
      if (wanted.contains(lower)) {
        found.add(lower);
      }
    }
    return found;
  }

  @Override
  public WriteResult update(
      ContactId id, ExpectedVersion expected, AttributeChanges changes, Change change) {
    return rewrite(id, expected, current -> changes.applyTo(current.attributes()), change);
  }

  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes, Change change) {
    return rewrite(id, expected, current -> attributes, change);
  }

  /**
   * Every change reads the contact, which already tells a missing or changed contact, and then
   * replaces the whole document on the exact version it read, so that no concurrent write is ever
   * lost and the datastore's change stream carries a replacement, which the embedded datastore
   * records and MongoDB sends whole (docs/api.md, the change feed). A lost race reads again: the
   * newer version may still meet the condition.
   */
  private WriteResult rewrite(
      ContactId id,
      ExpectedVersion expected,
      Function<Contact, Map<String, String>> attributesAfter,
      Change change) {
    ObjectId objectId = objectId(id);
    return onTheVersionRead(
        id,
        expected,
        current -> {
          long version = current.version();
          Document next =
              ContactMapping.toDocument(
                  objectId,
                  version + 1,
                  attributesAfter.apply(current),
                  current.provenance().changedBy(change));
          return collection().replaceOne(atVersion(objectId, version), next).getMatchedCount() == 1
              ? Optional.of(new WriteResult.Written(ContactMapping.toContact(next)))
              : Optional.empty();
        });
  }

  /**
   * Reads the contact, records its last version as a tombstone, and then deletes it on exactly that
   * version. The tombstone comes first so that no crash between the two writes loses it: a
   * tombstone whose contact still exists is harmless, and the next delete overwrites it.
   */
  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected, Change change) {
    ObjectId objectId = objectId(id);
    return onTheVersionRead(
        id,
        expected,
        current -> {
          long version = current.version();
          DatastoreDeadline.bound(tombstones)
              .replaceOne(
                  eq(ContactMapping.ID, objectId),
                  ContactMapping.toTombstone(objectId, version, change),
                  new ReplaceOptions().upsert(true));
          return collection().deleteOne(atVersion(objectId, version)).getDeletedCount() == 1
              ? Optional.of(new WriteResult.Written(current))
              : Optional.empty();
        });
  }

  /**
   * Reads the contact and tries the write on exactly the version read, until a try lands or the
   * contact no longer meets the condition. A try answers empty when a concurrent write won the
   * race; the next read may still meet the condition.
   */
  private WriteResult onTheVersionRead(
      ContactId id, ExpectedVersion expected, Function<Contact, Optional<WriteResult>> attempt) {
    while (true) {
      Optional<Contact> current = findById(id);
      WriteResult refusal = refusal(current, expected);
      if (refusal != null) {
        return refusal;
      }
      Optional<WriteResult> landed = attempt.apply(current.get());
      if (landed.isPresent()) {
        return landed.get();
      }
    }
  }

  /**
   * Why a write may not apply to the contact as read (missing, or changed), or null when it may.
   */
  private static WriteResult refusal(Optional<Contact> current, ExpectedVersion expected) {
    if (current.isEmpty()) {
      return WriteResult.NOT_FOUND;
    }
    long version = current.get().version();
    return expected.admits(version) ? null : new WriteResult.Changed(version);
  }

  @Override
  public Optional<Long> deletedVersion(ContactId id) {
    return Optional.ofNullable(DatastoreDeadline.bound(tombstones).find(byId(id)).first())
        .map(ContactMapping::versionOf);
  }

  /** The collection bounded by what is left of the request's datastore deadline. */
  private MongoCollection<Document> collection() {
    return DatastoreDeadline.bound(collection);
  }

  private static ObjectId objectId(ContactId id) {
    return new ObjectId(id.text());
  }

  private static Bson byId(ContactId id) {
    return eq(ContactMapping.ID, objectId(id));
  }

  /** The contact at exactly this version; documents written before versions existed are 0. */
  private static Bson atVersion(ObjectId id, long version) {
    Bson exactly = eq(ContactMapping.VERSION, version);
    return and(
        eq(ContactMapping.ID, id),
        version == 0 ? or(exactly, eq(ContactMapping.VERSION, null)) : exactly);
  }
}
