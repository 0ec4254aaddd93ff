package org.contacts.controller;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.Provenance;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.DuplicateContactException;
import org.contacts.repository.WriteResult;

/**
 * Contacts in a map, keeping the repository's promises on single contacts (versions, conditions,
 * what a write did) so that the controller's rules can be tested alone. Queries are not its job.
 */
final class InMemoryContactRepository implements ContactRepository {

  private final Map<String, Contact> contacts = new LinkedHashMap<>();
  private final Map<String, Long> tombstones = new HashMap<>();
  private int nextId = 1;

  Map<String, Contact> contents() {
    return Map.copyOf(contacts);
  }

  @Override
  public Optional<Contact> findById(ContactId id) {
    return Optional.ofNullable(contacts.get(id.text()));
  }

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes, Change change) {
    String key = id == null ? String.format("%024x", nextId++) : id.text();
    if (contacts.containsKey(key)) {
      throw new DuplicateContactException(key);
    }
    Contact contact = new Contact(key, 1, attributes, Provenance.createdBy(change));
    contacts.put(key, contact);
    return contact;
  }

  @Override
  public WriteResult update(
      ContactId id,
      ExpectedVersion expected,
      Map<String, String> set,
      Set<String> unset,
      Change change) {
    return write(
        id,
        expected,
        change,
        current -> {
          Map<String, String> attributes = new HashMap<>(current.attributes());
          attributes.putAll(set);
          unset.forEach(attributes::remove);
          return attributes;
        });
  }

  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes, Change change) {
    return write(id, expected, change, current -> attributes);
  }

  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected, Change change) {
    Contact current = contacts.get(id.text());
    if (current == null) {
      return WriteResult.NOT_FOUND;
    }
    if (!expected.admits(current.version())) {
      return new WriteResult.Changed(current.version());
    }
    tombstones.put(id.text(), current.version());
    return new WriteResult.Written(contacts.remove(id.text()));
  }

  @Override
  public Optional<Long> deletedVersion(ContactId id) {
    return Optional.ofNullable(tombstones.get(id.text()));
  }

  private WriteResult write(
      ContactId id,
      ExpectedVersion expected,
      Change change,
      java.util.function.Function<Contact, Map<String, String>> attributesAfter) {
    Contact current = contacts.get(id.text());
    if (current == null) {
      return WriteResult.NOT_FOUND;
    }
    if (!expected.admits(current.version())) {
      return new WriteResult.Changed(current.version());
    }
    Contact next =
        new Contact(
            current.id(),
            current.version() + 1,
            attributesAfter.apply(current),
            current.provenance().changedBy(change));
    contacts.put(current.id(), next);
    return new WriteResult.Written(next);
  }

  @Override
  public ContactPage findPage(ContactQuery query) {
    return new ContactPage(List.copyOf(contacts.values()), (long) contacts.size(), true, false);
  }

  @Override
  public void insertAll(List<Map<String, String>> attributes, Change change) {
    attributes.forEach(each -> insert(null, each, change));
  }

  @Override
  public long count() {
    return contacts.size();
  }

  @Override
  public void ensureIndexes() {}
}
