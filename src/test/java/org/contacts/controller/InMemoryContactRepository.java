package org.contacts.controller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.DuplicateContactException;
import org.contacts.repository.WriteResult;

/**
 * Contacts in a map, keeping the repository's promises on single contacts (versions, conditions,
 * what a write did) so that the controller's rules can be tested alone. Queries are not its job.
 */
final class InMemoryContactRepository implements ContactRepository {

  private final Map<String, Contact> contacts = new LinkedHashMap<>();
  private int nextId = 1;

  Map<String, Contact> contents() {
    return Map.copyOf(contacts);
  }

  @Override
  public Optional<Contact> findById(ContactId id) {
    return Optional.ofNullable(contacts.get(id.text()));
  }

  @Override
  public Contact insert(ContactId id, Map<String, String> attributes) {
    String key = id == null ? String.format("%024x", nextId++) : id.text();
    if (contacts.containsKey(key)) {
      throw new DuplicateContactException(key);
    }
    Contact contact = new Contact(key, 1, attributes);
    contacts.put(key, contact);
    return contact;
  }

  @Override
  public WriteResult update(
      ContactId id, ExpectedVersion expected, Map<String, String> set, Set<String> unset) {
    return write(
        id,
        expected,
        current -> {
          Map<String, String> attributes = new HashMap<>(current.attributes());
          attributes.putAll(set);
          unset.forEach(attributes::remove);
          return attributes;
        });
  }

  @Override
  public WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes) {
    return write(id, expected, current -> attributes);
  }

  @Override
  public WriteResult delete(ContactId id, ExpectedVersion expected) {
    WriteResult result = write(id, expected, Contact::attributes);
    if (result instanceof WriteResult.Written) {
      return new WriteResult.Written(contacts.remove(id.text()));
    }
    return result;
  }

  private WriteResult write(
      ContactId id,
      ExpectedVersion expected,
      java.util.function.Function<Contact, Map<String, String>> change) {
    Contact current = contacts.get(id.text());
    if (current == null) {
      return WriteResult.NOT_FOUND;
    }
    if (!expected.admits(current.version())) {
      return new WriteResult.Changed(current.version());
    }
    Contact next = new Contact(current.id(), current.version() + 1, change.apply(current));
    contacts.put(current.id(), next);
    return new WriteResult.Written(next);
  }

  @Override
  public ContactPage findPage(ContactQuery query) {
    return new ContactPage(List.copyOf(contacts.values()), (long) contacts.size(), true, false);
  }

  @Override
  public Stream<Contact> findAllMatching(ContactQuery query) {
    return List.copyOf(contacts.values()).stream();
  }

  @Override
  public BatchResult insertAll(List<NewContact> batch) {
    List<ContactId> created = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        created.add(new ContactId(insert(batch.get(i).id(), batch.get(i).attributes()).id()));
      } catch (DuplicateContactException e) {
        taken.add(i);
      }
    }
    return new BatchResult(created, taken);
  }

  @Override
  public Set<String> emailsInUse(Collection<String> emails) {
    Set<String> wanted = new HashSet<>();
    emails.forEach(email -> wanted.add(email.toLowerCase(Locale.ROOT)));
    Set<String> found = new HashSet<>();
    for (Contact contact : contacts.values()) {
      String email = contact.attribute("email");
      if (email != null && wanted.contains(email.toLowerCase(Locale.ROOT))) {
        found.add(email.toLowerCase(Locale.ROOT));
      }
    }
    return found;
  }

  @Override
  public long count() {
    return contacts.size();
  }

  @Override
  public void ensureIndexes() {}
}
