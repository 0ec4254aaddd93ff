package org.contacts.controller;

import java.util.List;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.model.Violation;

/** A contact's attributes broke the rules; one error object per problem, each with its pointer. */
public class ContactValidationException extends ApiException {

  public ContactValidationException(List<Violation> violations, ResourceInput input) {
    super(
        violations.stream()
            .map(
                violation ->
                    ErrorObject.of(422, violation.title(), violation.detail())
                        .atPointer(input.pointerTo(violation.attribute())))
            .toList());
  }
}
