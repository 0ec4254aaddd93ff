package org.contacts.repository;

import org.contacts.model.Contact;

/** What a conditional write did: applied, found no contact, or found it at another version. */
public sealed interface WriteResult {

  WriteResult NOT_FOUND = new NotFound();

  /** The write applied; the contact as it now is, or as it was when it was deleted. */
  record Written(Contact contact) implements WriteResult {}

  record NotFound() implements WriteResult {}

  /** The contact exists at a version that the write's condition did not admit. */
  record Changed(long currentVersion) implements WriteResult {}
}
