package org.contacts.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contacts.model.Contact;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;

/**
 * Where contacts are stored. Ids are 24-digit hexadecimal ObjectIds; callers check them first.
 * Every write is one atomic operation on one contact; a write given an expected version applies
 * only while the stored contact still has it.
 */
public interface ContactRepository {

  ContactPage findPage(ContactQuery query);

  Optional<Contact> findById(String id);

  boolean existsById(String id);

  /**
   * Stores a new contact under the given id, or a new one when id is null.
   *
   * @throws DuplicateContactException when a contact with that id exists
   */
  Contact insert(String id, Map<String, String> attributes);

  /** Stores many new contacts in one round trip, each under a new id. */
  void insertAll(List<Map<String, String>> contacts);

  /** Sets and unsets attributes; empty when there is no such contact at that version. */
  Optional<Contact> update(
      String id, Long expectedVersion, Map<String, String> set, Set<String> unset);

  /** Replaces all attributes; empty when there is no such contact at that version. */
  Optional<Contact> replace(String id, Long expectedVersion, Map<String, String> attributes);

  /** Deletes a contact; false when there is no such contact at that version. */
  boolean deleteById(String id, Long expectedVersion);

  long count();

  /** Creates the indexes the queries need; safe to repeat. */
  void ensureIndexes();
}
