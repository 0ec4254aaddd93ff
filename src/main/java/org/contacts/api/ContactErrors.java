package org.contacts.api;

import java.util.List;
import org.contacts.controller.ContactAlreadyExistsException;
import org.contacts.controller.ContactChangedException;
import org.contacts.controller.ContactException;
import org.contacts.controller.ContactNotFoundException;
import org.contacts.controller.ContactValidationException;
import org.contacts.controller.InvalidContactIdException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;

/**
 * What a client is told when a rule of the domain refused its request: the status, title and detail
 * of each refusal, with pointers into the body as it was sent.
 */
final class ContactErrors {

  private static final int SHOWN_ID_LENGTH = 64;

  private ContactErrors() {}

  /**
   * @param sent the request's body, or null when it had none
   */
  static List<ErrorObject> of(ContactException refusal, ResourceInput sent) {
    if (refusal instanceof ContactValidationException invalid) {
      return invalid.violations().stream()
          .map(
              violation ->
                  atPointer(
                      ErrorObject.of(422, violation.title(), violation.detail()),
                      sent == null ? null : sent.pointerTo(violation.attribute())))
          .toList();
    }
    return List.of(single(refusal, sent));
  }

  private static ErrorObject single(ContactException refusal, ResourceInput sent) {
    if (refusal instanceof ContactNotFoundException missing) {
      return ErrorObject.of(404, "Contact not found", "Contact " + missing.id() + " not found");
    }
    if (refusal instanceof InvalidContactIdException invalid) {
      return ErrorObject.of(
          400,
          "Invalid contact id: " + shown(invalid.text()),
          "Contact ids are 24 hexadecimal digits, such as 5f8f8c44b54764421b7156c3.");
    }
    if (refusal instanceof ContactChangedException changed) {
      return ErrorObject.of(
              412,
              "Contact has changed",
              "Contact "
                  + changed.id()
                  + " was changed since the version in If-Match; fetch it again.")
          .atHeader("If-Match");
    }
    ContactAlreadyExistsException taken = (ContactAlreadyExistsException) refusal;
    return atPointer(
        ErrorObject.of(
            409, "Contact already exists", "A contact with id " + taken.id() + " already exists."),
        sent == null ? null : ContactInput.idPointer(sent));
  }

  private static ErrorObject atPointer(ErrorObject error, String pointer) {
    return pointer == null ? error : error.atPointer(pointer);
  }

  /** Long ids are cut so that a hostile one cannot bloat the response. */
  private static String shown(String id) {
    return id.length() <= SHOWN_ID_LENGTH ? id : id.substring(0, SHOWN_ID_LENGTH) + "…";
  }
}
