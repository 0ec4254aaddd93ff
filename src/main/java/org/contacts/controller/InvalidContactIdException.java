package org.contacts.controller;

import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/** A contact id that cannot be one: ids are 24 hexadecimal digits (MongoDB ObjectIds). */
public class InvalidContactIdException extends ApiException {

  private static final int SHOWN_LENGTH = 64;

  public InvalidContactIdException(String id) {
    super(
        ErrorObject.of(
            400,
            "Invalid contact id: " + shown(id),
            "Contact ids are 24 hexadecimal digits, such as 5f8f8c44b54764421b7156c3."));
  }

  /** Long ids are cut so that a hostile one cannot bloat the response. */
  private static String shown(String id) {
    return id.length() <= SHOWN_LENGTH ? id : id.substring(0, SHOWN_LENGTH) + "…";
  }
}
