package org.contacts.model;

/** One change to the contacts: a contact as written (created or changed), or one deleted. */
public sealed interface ContactChange {

  ContactId id();

  /** A contact created or changed: the contact as it was written, or as it is now. */
  record Written(Contact contact) implements ContactChange {
    @Override
    public ContactId id() {
      return contact.id();
    }
  }

  /** A contact deleted; its last version when that is known (null when not). */
  record Deleted(ContactId id, Long lastVersion) implements ContactChange {}
}
