package org.contacts.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.config.ContactsSettings;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.SortKey;

/** Keeps contacts in one MongoDB collection, one document per contact. */
@ApplicationScoped
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
  public Optional<Contact> findById(String id) {
    return Optional.ofNullable(collection.find(byId(id)).first()).map(ContactMapping::toContact);
  }

  @Override
  public boolean existsById(String id) {
    return collection.find(byId(id)).projection(new Document(ContactMapping.ID, 1)).first() != null;
  }

  @Override
  public Contact insert(String id, Map<String, String> attributes) {
    ObjectId objectId = id == null ? new ObjectId() : new ObjectId(id);
    Document document = ContactMapping.toDocument(objectId, 1, attributes);
    try {
      collection.insertOne(document);
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateContactException(objectId.toHexString());
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
    collection.insertMany(documents);
  }

  @Override
  public Optional<Contact> update(
      String id, Long expectedVersion, Map<String, String> set, Set<String> unset) {
    return write(
        id,
        expectedVersion,
        current -> {
          Map<String, String> attributes = new HashMap<>(current);
          attributes.putAll(set);
          unset.forEach(attributes::remove);
          return attributes;
        });
  }

  @Override
  public Optional<Contact> replace(
      String id, Long expectedVersion, Map<String, String> attributes) {
    return write(id, expectedVersion, current -> attributes);
  }

  /**
   * Writes a contact's new attributes as one conditional replace on its id and version, so that no
   * concurrent write is ever lost. Without an expected version a lost race is simply retried on the
   * newer contact; with one, the caller learns that the contact changed.
   */
  private Optional<Contact> write(
      String id, Long expectedVersion, UnaryOperator<Map<String, String>> change) {
    ObjectId objectId = new ObjectId(id);
    while (true) {
      Optional<Contact> current = findById(id);
      if (current.isEmpty()
          || (expectedVersion != null && current.get().version() != expectedVersion)) {
        return Optional.empty();
      }
      long version = current.get().version();
      Document next =
          ContactMapping.toDocument(
              objectId, version + 1, change.apply(current.get().attributes()));
      boolean written =
          collection
                  .replaceOne(and(eq(ContactMapping.ID, objectId), versionIs(version)), next)
                  .getMatchedCount()
              == 1;
      if (written) {
        return Optional.of(ContactMapping.toContact(next));
      }
      if (expectedVersion != null) {
        return Optional.empty();
      }
    }
  }

  @Override
  public boolean deleteById(String id, Long expectedVersion) {
    Bson filter = byId(id);
    if (expectedVersion != null) {
      filter = and(filter, versionIs(expectedVersion));
    }
    return collection.deleteOne(filter).getDeletedCount() == 1;
  }

  @Override
  public long count() {
    return collection.estimatedDocumentCount();
  }

  private static Bson byId(String id) {
    return eq(ContactMapping.ID, new ObjectId(id));
  }

  /** Documents written before versions existed count as version 0. */
  private static Bson versionIs(long version) {
    return version == 0
        ? or(eq(ContactMapping.VERSION, 0L), eq(ContactMapping.VERSION, null))
        : eq(ContactMapping.VERSION, version);
  }
}
