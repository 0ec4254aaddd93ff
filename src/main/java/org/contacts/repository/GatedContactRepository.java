package org.contacts.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contacts.datastore.DatastoreGate;
import org.contacts.model.AttributeChanges;
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

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes) {
    return gate.call(() -> repository.insert(id, attributes));
  }

  @Override
  public WriteResult update(ContactId id, ExpectedVersion expected, AttributeChanges changes) {
    return gate.call(() -> repository.update(id, expected, changes));
  }

  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes) {
    return gate.call(() -> repository.replace(id, expected, attributes));
  }

  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected) {
    return gate.call(() -> repository.delete(id, expected));
  }

  @Override
  public void insertAll(List<Map<String, String>> contacts) {
    repository.insertAll(contacts);
  }

  @Override
  public void ensureIndexes() {
    repository.ensureIndexes();
  }
}
