package org.contacts.repository;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contacts.datastore.DatastoreGate;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;

/**
 * Passes each request's work on the repository through the datastore's gate (bulkhead and
 * deadline). The start-up work (indexes, seeding, counting) is not a request's and goes straight
 * through.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class GatedContactRepository implements ContactRepository {

  @Inject @Delegate ContactRepository repository;
  @Inject DatastoreGate gate;

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
  public WriteResult update(
      ContactId id, ExpectedVersion expected, Map<String, String> set, Set<String> unset) {
    return gate.call(() -> repository.update(id, expected, set, unset));
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
}
