package org.contacts.controller;

import org.contacts.model.ContactId;

/** A contact was to be created under an id that another contact has. */
public final class ContactAlreadyExistsException extends ContactException {

  private final ContactId id;

  public ContactAlreadyExistsException(ContactId id) {
    super("Contact " + id + " already exists");
    this.id = id;
  }

  public ContactId id() {
    return id;
  }
}
