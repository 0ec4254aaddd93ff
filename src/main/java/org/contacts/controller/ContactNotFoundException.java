package org.contacts.controller;

import org.contacts.model.ContactId;

/** No contact has the id a client asked for. */
public final class ContactNotFoundException extends ContactException {

  private final ContactId id;

  public ContactNotFoundException(ContactId id) {
    super("Contact " + id + " not found");
    this.id = id;
  }

  public ContactId id() {
    return id;
  }
}
