package org.contacts.controller;

/** A text that cannot be a contact id: ids are 24 hexadecimal digits. */
public final class InvalidContactIdException extends ContactException {

  private final String text;

  public InvalidContactIdException(String text) {
    super("Not a contact id");
    this.text = text;
  }

  /** The id as the client sent it. */
  public String text() {
    return text;
  }
}
