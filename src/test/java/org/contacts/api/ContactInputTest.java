package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.model.AttributeValue;
import org.contacts.model.ContactId;
import org.junit.jupiter.api.Test;

/** The JSON:API document rules of a contact sent, and its attributes as the domain reads them. */
class ContactInputTest {

  private static final ContactId ID = new ContactId("65a1b2c3d4e5f60718293a4b");

  private static ResourceInput document(String type, String id) {
    return new ResourceInput(type, id, Map.of(), "/data/attributes");
  }

  private static ErrorObject refusal(Runnable check) {
    ApiException refused = assertThrows(ApiException.class, check::run, "refused");
    return refused.errors().get(0);
  }

  @Test
  void anotherTypeIsA409AtDataType() {
    ErrorObject error = refusal(() -> ContactInput.clientId(document("people", null)));

    assertEquals(409, error.status(), "409");
    assertEquals("/data/type", error.pointer(), "points at the type");
    assertEquals(
        409,
        refusal(() -> ContactInput.changesTo(ID, document("people", null))).status(),
        "on changes too");
  }

  @Test
  void clientIdMustBeAContactIdOrIs403AtTheIdAsSent() {
    assertEquals(ID, ContactInput.clientId(document("contacts", ID.text())), "a good id");
    assertNull(ContactInput.clientId(document("contacts", null)), "no id");

    ErrorObject error = refusal(() -> ContactInput.clientId(document("contacts", "abc")));
    assertEquals(403, error.status(), "403");
    assertEquals("/data/id", error.pointer(), "at data.id");
    assertEquals(
        "/_id",
        refusal(() -> ContactInput.clientId(new ResourceInput(null, "abc", Map.of(), "")))
            .pointer(),
        "at _id in a bare object");
  }

  @Test
  void bareObjectsUnderscoreIdIsTheIdAndNoAttribute() {
    ResourceInput bare =
        ContactInput.withLegacyId(
            new ResourceInput(
                null,
                null,
                Map.of("_id", Json.createValue(ID.text()), "firstName", Json.createValue("Ann")),
                ""));

    assertEquals(ID.text(), bare.id(), "_id becomes the id");
    assertEquals(
        Map.of("firstName", Json.createValue("Ann")), bare.attributes(), "not an attribute");
    assertEquals("/_id", ContactInput.idPointer(bare), "the id is at /_id");
    assertEquals("/data/id", ContactInput.idPointer(document("contacts", null)), "or at data.id");
    assertNull(
        ContactInput.withLegacyId(new ResourceInput(null, null, Map.of("_id", JsonValue.NULL), ""))
            .id(),
        "a null _id is no id");
  }

  @Test
  void bareObjectsUnderscoreIdThatIsNoStringIsA400AtIt() {
    ErrorObject error =
        refusal(
            () ->
                ContactInput.withLegacyId(
                    new ResourceInput(null, null, Map.of("_id", Json.createValue(12)), "")));

    assertEquals(400, error.status(), "400");
    assertEquals("/_id", error.pointer(), "at _id");
  }

  @Test
  void documentsAreLeftAsTheyAre() {
    ResourceInput document =
        new ResourceInput("contacts", null, Map.of("_id", JsonValue.NULL), "/data/attributes");

    assertEquals(document, ContactInput.withLegacyId(document), "_id is only the bare form's");
  }

  @Test
  void bodyNamingAnotherContactThanTheUrlIsA409() {
    ErrorObject error =
        refusal(() -> ContactInput.changesTo(ID, document("contacts", "65a1b2c3d4e5f60718293a4c")));

    assertEquals(409, error.status(), "409");
    assertEquals("Id does not match the URL", error.title(), "title");
    assertEquals("/data/id", error.pointer(), "at data.id");
  }

  @Test
  void stringsAreTextNullIsRemovalAndAnythingElseIsNoText() {
    ResourceInput input =
        new ResourceInput(
            null,
            null,
            Map.of(
                "firstName", Json.createValue("Ann"),
                "city", JsonValue.NULL,
                "zip", Json.createValue(42),
                "state", JsonValue.TRUE,
                "email", JsonValue.EMPTY_JSON_OBJECT,
                "phone1", JsonValue.EMPTY_JSON_ARRAY),
            "");

    assertEquals(
        Map.of(
            "firstName", AttributeValue.text("Ann"),
            "city", AttributeValue.REMOVAL,
            "zip", AttributeValue.NOT_TEXT,
            "state", AttributeValue.NOT_TEXT,
            "email", AttributeValue.NOT_TEXT,
            "phone1", AttributeValue.NOT_TEXT),
        ContactInput.changesTo(ID, input).sent(),
        "each value's kind");
  }
}
