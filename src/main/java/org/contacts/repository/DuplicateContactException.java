package org.contacts.repository;

import org.contacts.model.ContactId;

/** A contact was to be created under an id that another contact already has. */
public class DuplicateContactException extends RuntimeException {

  private final ContactId id;

  public DuplicateContactException(ContactId id) {
    super("A contact with id " + id + " already exists", null, false, false);
    this.id = id;
  }

  public ContactId id() {
    return id;
  }
}
