package org.contacts.controller;

/**
 * A rule of the contacts domain refused a request. Each kind carries the facts of the refusal; the
 * API edge decides how a client is told.
 */
public abstract sealed class ContactException extends RuntimeException
    permits ContactNotFoundException,
        InvalidContactIdException,
        ContactValidationException,
        ContactChangedException,
        ContactAlreadyExistsException,
        ChangesNoLongerKeptException,
        ImportRefusedException {

  ContactException(String message) {
    super(message, null, false, false);
  }
}
