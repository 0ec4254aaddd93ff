package org.contacts.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
   * Every contact that the query's filters and search select, in the query's order, read from one
   * datastore cursor as the stream is consumed (the query's page is not used). The query runs now,
   * so that a datastore failure shows here; the caller closes the stream.
   */
  Stream<Contact> findAllMatching(ContactQuery query);

  /**
   * Stores a new contact under the given id, or under a new one when id is null.
   *
   * @throws DuplicateContactException when a contact with that id exists
   */
  Contact insert(ContactId id, Map<String, String> attributes, Change change);

  /**
   * Stores many new contacts in one round trip. Each is stored, or refused because a contact has
   * its id already, independently of the others.
   */
  BatchResult insertAll(List<NewContact> contacts, Change change);

  /**
   * Which of these email addresses some stored contact has, compared and answered in lower case.
   */
  Set<String> emailsInUse(Collection<String> emails);

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

  /** A contact to store: under its own id, or under a new one when id is null. */
  record NewContact(ContactId id, Map<String, String> attributes) {

    public static NewContact of(Map<String, String> attributes) {
      return new NewContact(null, attributes);
    }
  }

  /**
   * What {@link #insertAll} did: the ids of the contacts it stored, in order, and the positions
   * (from 0) of those it did not store because their id was taken.
   */
  record BatchResult(List<ContactId> created, Set<Integer> idTaken) {

    public BatchResult {
      created = List.copyOf(created);
      idTaken = Set.copyOf(idTaken);
    }
  }
}
