package org.contacts.controller;

/** A reader's feed cursor is older than the changes the datastore still keeps. */
public final class ChangesNoLongerKeptException extends ContactException {

  public ChangesNoLongerKeptException() {
    super("The changes since that cursor are no longer kept");
  }
}
