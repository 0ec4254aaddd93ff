package org.contacts.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.config.ContactsSettings;
import org.contacts.datastore.DatastoreDeadline;
import org.contacts.model.AttributeChanges;
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
      collection()
          .createIndex(
              Indexes.ascending(attribute, ContactMapping.ID),
              new IndexOptions().name(attribute + "_id"));
    }
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
  public Contact insert(ContactId id, Map<String, String> attributes) {
    ObjectId objectId = id == null ? new ObjectId() : objectId(id);
    Document document = ContactMapping.toDocument(objectId, 1, attributes);
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
  public void insertAll(List<Map<String, String>> contacts) {
    List<Document> documents = new ArrayList<>(contacts.size());
    for (Map<String, String> attributes : contacts) {
      documents.add(ContactMapping.toDocument(new ObjectId(), 1, attributes));
    }
    collection().insertMany(documents);
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
      if (collection()
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
        collection()
            .findOneAndUpdate(
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
    Document deleted = collection().findOneAndDelete(filterOf(id, expected));
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
        collection().find(byId(id)).projection(new Document(ContactMapping.VERSION, 1)).first();
    return current == null
        ? WriteResult.NOT_FOUND
        : new WriteResult.Changed(ContactMapping.versionOf(current));
  }

  /** The collection, bounded by what is left of the request's deadline. */
  private MongoCollection<Document> collection() {
    return DatastoreDeadline.bound(collection);
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
