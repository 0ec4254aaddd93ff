package org.contacts.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.contacts.datastore.DatastoreGate;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;

/**
 * The application's repository: each request's work on the MongoDB repository passes the
 * datastore's gate (bulkhead and deadline). The start-up work (indexes, seeding) is not a request's
 * and goes straight through.
 */
@ApplicationScoped
public class GatedContactRepository implements ContactRepository {

  private MongoContactRepository repository;
  private DatastoreGate gate;

  @Inject
  public GatedContactRepository(MongoContactRepository repository, DatastoreGate gate) {
    this.repository = repository;
    this.gate = gate;
  }

  /** For CDI's proxies only. */
  protected GatedContactRepository() {}

  @Override
  public ContactPage findPage(ContactQuery query) {
    return gate.call(() -> repository.findPage(query));
  }

  @Override
  public Optional<Contact> findById(ContactId id) {
    return gate.call(() -> repository.findById(id));
  }

  /** Opens the cursor within the gate; the caller reads it, each batch within the deadline. */
  @Override
  public Stream<Contact> findAllMatching(ContactQuery query) {
    return gate.call(() -> repository.findAllMatching(query));
  }

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes, Change change) {
    return gate.call(() -> repository.insert(id, attributes, change));
  }

  /** One batch of an import (or the development seed) is one pass through the gate. */
  @Override
  public BatchResult insertAll(List<NewContact> contacts, Change change) {
    return gate.call(() -> repository.insertAll(contacts, change));
  }

  @Override
  public Set<String> emailsInUse(Collection<String> emails) {
    return gate.call(() -> repository.emailsInUse(emails));
  }

  @Override
  public WriteResult update(
      ContactId id, ExpectedVersion expected, AttributeChanges changes, Change change) {
    return gate.call(() -> repository.update(id, expected, changes, change));
  }

  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes, Change change) {
    return gate.call(() -> repository.replace(id, expected, attributes, change));
  }

  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected, Change change) {
    return gate.call(() -> repository.delete(id, expected, change));
  }

  @Override
  public Optional<Long> deletedVersion(ContactId id) {
    return gate.call(() -> repository.deletedVersion(id));
  }

  @Override
  public void ensureIndexes() {
    repository.ensureIndexes();
  }
}
