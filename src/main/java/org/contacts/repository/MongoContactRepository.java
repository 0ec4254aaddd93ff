package org.contacts.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.config.ContactsSettings;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.SortKey;

/** Keeps contacts in one MongoDB collection, one document per contact. */
@ApplicationScoped
public class MongoContactRepository implements ContactRepository {

  private static final Logger LOG = Logger.getLogger(MongoContactRepository.class.getName());

  /** How many contacts an export's cursor fetches per round trip. */
  private static final int EXPORT_BATCH_SIZE = 1000;

  private MongoCollection<Document> collection;
  private long countTimeLimitMillis;

  @Inject
  public MongoContactRepository(MongoCollection<Document> collection, ContactsSettings settings) {
    this(collection, settings.countTimeLimitMillis());
  }

  /**
   * @param countTimeLimitMillis how long counting the matches of a filtered query may take before
   *     the page is sent without a total
   */
  public MongoContactRepository(MongoCollection<Document> collection, long countTimeLimitMillis) {
    this.collection = collection;
    this.countTimeLimitMillis = countTimeLimitMillis;
  }

  /** For CDI's proxies only. */
  protected MongoContactRepository() {}

  @Override
  public void ensureIndexes() {
    for (String attribute : ContactAttributes.NAMES) {
      collection.createIndex(
          Indexes.ascending(attribute, ContactMapping.ID),
          new IndexOptions().name(attribute + "_id"));
    }
    collection.createIndex(
        Indexes.ascending(ContactMapping.SEARCH), new IndexOptions().name("search"));
    LOG.info(() -> "Indexes ensured on collection " + collection.getNamespace().getFullName());
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
        collection
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
      return new ContactPage(contacts, collection.estimatedDocumentCount(), false, hasMore);
    }
    try {
      long total =
          collection.countDocuments(
              filter, new CountOptions().maxTime(countTimeLimitMillis, TimeUnit.MILLISECONDS));
      return new ContactPage(contacts, total, true, hasMore);
    } catch (MongoExecutionTimeoutException e) {
      return new ContactPage(contacts, null, false, hasMore);
    }
  }

  @Override
  public Optional<Contact> findById(ContactId id) {
    return Optional.ofNullable(collection.find(byId(id)).first()).map(ContactMapping::toContact);
  }

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes) {
    ObjectId objectId = id == null ? new ObjectId() : objectId(id);
    Document document = ContactMapping.toDocument(objectId, 1, attributes);
    try {
      collection.insertOne(document);
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
    MongoCursor<Document> cursor =
        collection
            .find(ContactQueries.filterOf(query))
            .sort(ContactQueries.sortOf(order, false))
            .batchSize(EXPORT_BATCH_SIZE)
            .cursor();
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
  public BatchResult insertAll(List<NewContact> contacts) {
    if (contacts.isEmpty()) {
      return new BatchResult(List.of(), Set.of());
    }
    List<Document> documents = new ArrayList<>(contacts.size());
    List<ContactId> ids = new ArrayList<>(contacts.size());
    for (NewContact contact : contacts) {
      ObjectId objectId = contact.id() == null ? new ObjectId() : objectId(contact.id());
      documents.add(ContactMapping.toDocument(objectId, 1, contact.attributes()));
      ids.add(contact.id() == null ? new ContactId(objectId.toHexString()) : contact.id());
    }
    Set<Integer> taken = new HashSet<>();
    try {
      collection.insertMany(documents, new InsertManyOptions().ordered(false));
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
        collection
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

  /**
   * A change needs the attributes it keeps (the search keys are drawn from all of them), so it
   * reads the contact, which already tells a missing or changed contact, and then replaces it on
   * the exact version it read, so that no concurrent write is ever lost. A lost race reads again:
   * the newer version may still meet the condition.
   */
  @Override
  public WriteResult update(ContactId id, ExpectedVersion expected, AttributeChanges changes) {
    ObjectId objectId = objectId(id);
    while (true) {
      Optional<Contact> current = findById(id);
      if (current.isEmpty()) {
        return WriteResult.NOT_FOUND;
      }
      long version = current.get().version();
      if (!expected.admits(version)) {
        return new WriteResult.Changed(version);
      }
      Document next =
          ContactMapping.toDocument(
              objectId, version + 1, changes.applyTo(current.get().attributes()));
      if (collection
              .replaceOne(and(eq(ContactMapping.ID, objectId), versionIn(Set.of(version))), next)
              .getMatchedCount()
          == 1) {
        return new WriteResult.Written(ContactMapping.toContact(next));
      }
    }
  }

  /**
   * A replacement knows every attribute, so it is one conditional update that raises the version
   * and hands back the contact as written.
   */
  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes) {
    if (expected instanceof ExpectedVersion.Never) {
      return refusal(id);
    }
    Document written =
        collection.findOneAndUpdate(
            filterOf(id, expected),
            ContactMapping.replacement(attributes),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return written == null
        ? refusal(id, expected)
        : new WriteResult.Written(ContactMapping.toContact(written));
  }

  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected) {
    if (expected instanceof ExpectedVersion.Never) {
      return refusal(id);
    }
    Document deleted = collection.findOneAndDelete(filterOf(id, expected));
    return deleted == null
        ? refusal(id, expected)
        : new WriteResult.Written(ContactMapping.toContact(deleted));
  }

  /**
   * Why a write on the id and the expected versions found nothing. Without versions to meet, the
   * contact is missing; with them, the rare refusal costs a second read to tell which it was.
   */
  private WriteResult refusal(ContactId id, ExpectedVersion expected) {
    return expected.namesVersions() ? refusal(id) : WriteResult.NOT_FOUND;
  }

  private WriteResult refusal(ContactId id) {
    Document current =
        collection.find(byId(id)).projection(new Document(ContactMapping.VERSION, 1)).first();
    return current == null
        ? WriteResult.NOT_FOUND
        : new WriteResult.Changed(ContactMapping.versionOf(current));
  }

  private static ObjectId objectId(ContactId id) {
    return new ObjectId(id.text());
  }

  private static Bson byId(ContactId id) {
    return eq(ContactMapping.ID, objectId(id));
  }

  private static Bson filterOf(ContactId id, ExpectedVersion expected) {
    return expected instanceof ExpectedVersion.OneOf oneOf
        ? and(byId(id), versionIn(oneOf.versions()))
        : byId(id);
  }

  /** Documents written before versions existed count as version 0. */
  private static Bson versionIn(Set<Long> versions) {
    Bson listed =
        versions.size() == 1
            ? eq(ContactMapping.VERSION, versions.iterator().next())
            : in(ContactMapping.VERSION, versions);
    return versions.contains(0L) ? or(listed, eq(ContactMapping.VERSION, null)) : listed;
  }
}
