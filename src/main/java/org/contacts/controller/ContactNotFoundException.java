package org.contacts.controller;

import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/** No contact has the id a client asked for. */
public class ContactNotFoundException extends ApiException {

  public ContactNotFoundException(String id) {
    super(ErrorObject.of(404, "Contact not found", "Contact " + id + " not found"));
  }
}
