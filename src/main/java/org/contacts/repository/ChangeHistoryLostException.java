package org.contacts.repository;

/** A position older than the changes the datastore still keeps. */
public class ChangeHistoryLostException extends RuntimeException {

  public ChangeHistoryLostException(Throwable cause) {
    super("The datastore no longer keeps the changes from that position", cause);
  }
}
