package org.contacts.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;

/**
 * Where contacts are stored. Every write is one atomic operation on one contact, applied only while
 * the stored contact meets the expected version, and says what it did.
 */
public interface ContactRepository {

  ContactPage findPage(ContactQuery query);

  Optional<Contact> findById(ContactId id);

  /**
   * Stores a new contact under the given id, or under a new one when id is null.
   *
   * @throws DuplicateContactException when a contact with that id exists
   */
  Contact insert(ContactId id, Map<String, String> attributes);

  /**
   * Stores many new contacts in one round trip, each under a new id. The development seeder uses
   * it, and the import of many contacts (issue #21) will, for its batches.
   */
  void insertAll(List<Map<String, String>> contacts);

  /** Sets and removes the attributes the changes name, keeping the others. */
  WriteResult update(ContactId id, ExpectedVersion expected, AttributeChanges changes);

  /** Replaces all attributes; those not given are removed. */
  WriteResult replace(ContactId id, ExpectedVersion expected, Map<String, String> attributes);

  WriteResult delete(ContactId id, ExpectedVersion expected);

  /** Creates the indexes the queries need; safe to repeat. */
  void ensureIndexes();
}
