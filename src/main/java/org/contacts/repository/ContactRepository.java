package org.contacts.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;

/**
 * Where contacts are stored. Every write is one atomic operation on one contact, applied only while
 * the stored contact meets the expected version, records who made it and when, and says what it
 * did.
 */
public interface ContactRepository {

  ContactPage findPage(ContactQuery query);

  Optional<Contact> findById(ContactId id);

  /**
   * Stores a new contact under the given id, or under a new one when id is null.
   *
   * @throws DuplicateContactException when a contact with that id exists
   */
  Contact insert(ContactId id, Map<String, String> attributes, Change change);

  /**
   * Stores many new contacts in one round trip, each under a new id. The development seeder uses
   * it, and the import of many contacts (issue #21) will, for its batches.
   */
  void insertAll(List<Map<String, String>> contacts, Change change);

  /** Sets and removes the attributes the changes name, keeping the others. */
  WriteResult update(
      ContactId id, ExpectedVersion expected, AttributeChanges changes, Change change);

  /** Replaces all attributes; those not given are removed. */
  WriteResult replace(
      ContactId id, ExpectedVersion expected, Map<String, String> attributes, Change change);

  /** Deletes the contact and keeps its last version ({@link #deletedVersion}). */
  WriteResult delete(ContactId id, ExpectedVersion expected, Change change);

  /** The last version of a contact that was deleted, when it is known. */
  Optional<Long> deletedVersion(ContactId id);

  /** Creates the indexes the queries need; safe to repeat. */
  void ensureIndexes();
}
