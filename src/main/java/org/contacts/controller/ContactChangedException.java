package org.contacts.controller;

import org.contacts.model.ContactId;
import org.contacts.model.ExpectedVersion;

/** A conditional write found the contact at a version its condition did not admit. */
public final class ContactChangedException extends ContactException {

  private final ContactId id;
  private final ExpectedVersion expected;
  private final long found;

  public ContactChangedException(ContactId id, ExpectedVersion expected, long found) {
    super("Contact " + id + " is at version " + found + ", not " + expected);
    this.id = id;
    this.expected = expected;
    this.found = found;
  }

  public ContactId id() {
    return id;
  }

  public ExpectedVersion expected() {
    return expected;
  }

  public long found() {
    return found;
  }
}
