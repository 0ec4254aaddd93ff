package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contacts.controller.ChangesNoLongerKeptException;
import org.contacts.controller.ContactAlreadyExistsException;
import org.contacts.controller.ContactChangedException;
import org.contacts.controller.ContactNotFoundException;
import org.contacts.controller.ContactValidationException;
import org.contacts.controller.InvalidContactIdException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.model.ContactId;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.Violation;
import org.junit.jupiter.api.Test;

/** How each refusal of the domain reads to a client: status, title, detail and source. */
class ContactErrorsTest {

  private static final ContactId ID = new ContactId("65a1b2c3d4e5f60718293a4b");
  private static final ResourceInput JSON_API =
      new ResourceInput("contacts", null, Map.of(), "/data/attributes");
  private static final ResourceInput BARE = new ResourceInput(null, null, Map.of(), "");

  private static ErrorObject only(List<ErrorObject> errors) {
    assertEquals(1, errors.size(), "one error: " + errors);
    return errors.get(0);
  }

  @Test
  void violationsPointIntoTheBodyAsItWasSent() {
    ContactValidationException invalid =
        new ContactValidationException(
            List.of(
                new Violation("email", "Invalid email address", "\"ann\" is not an email address."),
                new Violation("a/b", "Unknown attribute", "…")));

    List<ErrorObject> asDocument = ContactErrors.of(invalid, JSON_API);
    List<ErrorObject> asBareObject = ContactErrors.of(invalid, BARE);

    assertEquals(
        List.of("/data/attributes/email", "/data/attributes/a~1b"),
        asDocument.stream().map(ErrorObject::pointer).toList(),
        "into data.attributes, escaped as RFC 6901 says");
    assertEquals(
        List.of("/email", "/a~1b"),
        asBareObject.stream().map(ErrorObject::pointer).toList(),
        "at the top level of a bare object");
    assertEquals(422, asDocument.get(0).status(), "422");
    assertEquals("Invalid email address", asDocument.get(0).title(), "the violation's title");
    assertEquals("\"ann\" is not an email address.", asDocument.get(0).detail(), "and its detail");
  }

  @Test
  void missingContactIsThe404TheOriginalSent() {
    ErrorObject error = only(ContactErrors.of(new ContactNotFoundException(ID), null));

    assertEquals(404, error.status(), "404");
    assertEquals("Contact not found", error.title(), "title");
    assertEquals("Contact " + ID + " not found", error.detail(), "detail");
  }

  @Test
  void changesNoLongerKeptAre410NamingTheCursor() {
    ErrorObject error = only(ContactErrors.of(new ChangesNoLongerKeptException(), null));

    assertEquals(410, error.status(), "Gone");
    assertEquals("page[after]", error.parameter(), "the cursor's parameter");
    assertTrue(error.detail().contains("without a cursor"), () -> "how to go on: " + error);
  }

  @Test
  void invalidIdIsA400WhoseTitleShowsAtMost64CharactersOfIt() {
    ErrorObject error =
        only(ContactErrors.of(new InvalidContactIdException("x".repeat(100)), null));

    assertEquals(400, error.status(), "400");
    assertEquals("Invalid contact id: " + "x".repeat(64) + "…", error.title(), "cut");
  }

  @Test
  void changedContactIsA412AboutIfMatch() {
    ErrorObject error =
        only(
            ContactErrors.of(
                new ContactChangedException(ID, ExpectedVersion.oneOf(Set.of(1L)), 2), null));

    assertEquals(412, error.status(), "412");
    assertEquals("Contact has changed", error.title(), "title");
    assertEquals("If-Match", error.header(), "source.header");
  }

  @Test
  void takenIdIsA409PointingAtTheIdAsItWasSent() {
    ContactAlreadyExistsException taken = new ContactAlreadyExistsException(ID);

    assertEquals("/data/id", only(ContactErrors.of(taken, JSON_API)).pointer(), "JSON:API");
    assertEquals("/_id", only(ContactErrors.of(taken, BARE)).pointer(), "the original's _id");
    assertEquals(409, only(ContactErrors.of(taken, BARE)).status(), "409");
  }
}
