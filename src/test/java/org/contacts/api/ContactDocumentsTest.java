package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contacts.jsonapi.PageLinks;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.junit.jupiter.api.Test;

class ContactDocumentsTest {

  private static final String BASE = "https://contacts.example.org/api";

  private static final String ID = "65a1b2c3d4e5f60718293a4b";
  private static final Contact ANN =
      new Contact(
          new ContactId(ID),
          3,
          Map.of("firstName", "Ann", "lastName", "Lee", "email", "ann@example.com"));

  private static JsonObject attributesOf(Representation representation) {
    return ContactDocuments.contact(BASE, ANN, representation)
        .getJsonObject("data")
        .getJsonObject("attributes");
  }

  @Test
  void contactDocumentHasTypeIdAndSelfLinks() {
    JsonObject document = ContactDocuments.contact(BASE, ANN, Representation.JSON_API);
    JsonObject data = document.getJsonObject("data");

    assertEquals("1.1", document.getJsonObject("jsonapi").getString("version"), "jsonapi.version");
    assertEquals(
        BASE + "/contacts/" + ID,
        document.getJsonObject("links").getString("self"),
        "document links.self");
    assertEquals(
        BASE + "/openapi",
        document.getJsonObject("links").getString("describedby"),
        "document links.describedby");
    assertEquals("contacts", data.getString("type"), "data.type");
    assertEquals(ID, data.getString("id"), "data.id");
    assertEquals(
        BASE + "/contacts/" + ID,
        data.getJsonObject("links").getString("self"),
        "resource links.self");
  }

  @Test
  void contactHasEveryAttributeInOrderWithNullForAbsentOnes() {
    JsonObject attributes = attributesOf(Representation.JSON_API);

    assertEquals(
        ContactAttributes.NAMES, List.copyOf(attributes.keySet()), "all 12 attributes, in order");
    assertEquals("Ann", attributes.getString("firstName"), "a set attribute has its value");
    assertEquals("ann@example.com", attributes.getString("email"), "a set attribute has its value");
    assertEquals(
        JsonValue.NULL, attributes.get("city"), "an absent attribute is null, not missing");
    assertEquals(
        JsonValue.NULL, attributes.get("website"), "an absent attribute is null, not missing");
  }

  @Test
  void onlyTheLegacyRepresentationRepeatsTheIdAsAnAttribute() {
    JsonObject jsonApi = attributesOf(Representation.JSON_API);
    JsonObject legacy = attributesOf(Representation.LEGACY);

    assertFalse(jsonApi.containsKey("_id"), "JSON:API clients get no _id attribute: " + jsonApi);
    assertEquals(
        ID, legacy.getString("_id"), "the original's clients find the id as _id: " + legacy);
  }

  @Test
  void sparseFieldsetSendsOnlyTheSelectedAttributes() {
    Representation emailOnly = Representation.JSON_API.withFields(Set.of("email", "city"));
    JsonObject data = ContactDocuments.contact(BASE, ANN, emailOnly).getJsonObject("data");

    assertEquals(
        List.of("city", "email"),
        List.copyOf(data.getJsonObject("attributes").keySet()),
        "selected attributes only, in document order, absent ones as null: " + data);
    assertEquals(ID, data.getString("id"), "the id is always there");
  }

  @Test
  void emptyFieldsetSendsNoAttributes() {
    JsonObject data =
        ContactDocuments.contact(BASE, ANN, Representation.JSON_API.withFields(Set.of()))
            .getJsonObject("data");

    assertTrue(
        data.getJsonObject("attributes").isEmpty(), "fields[contacts]= selects none: " + data);
  }

  @Test
  void collectionDocumentHasEveryContactPageLinksAndMeta() {
    Contact bob =
        new Contact(
            new ContactId("65a1b2c3d4e5f60718293a4c"),
            1,
            Map.of("firstName", "Bob", "lastName", "Ray"));
    PageLinks links =
        new PageLinks(
            "/contacts?page[number]=2",
            "/contacts?page[number]=1",
            "/contacts?page[number]=1",
            null,
            null);
    JsonObject meta = Json.createObjectBuilder().add("total", 12).build();

    JsonObject document =
        ContactDocuments.contacts(BASE, List.of(ANN, bob), Representation.JSON_API, links, meta);

    JsonArray data = document.getJsonArray("data");
    assertEquals(2, data.size(), "one resource per contact");
    assertEquals(ID, data.getJsonObject(0).getString("id"), "contacts in page order");
    assertEquals(
        "contacts", data.getJsonObject(1).getString("type"), "every resource is a contact");
    JsonObject sent = document.getJsonObject("links");
    assertEquals("/contacts?page[number]=2", sent.getString("self"), "links.self");
    assertEquals("/contacts?page[number]=1", sent.getString("prev"), "links.prev");
    assertEquals(JsonValue.NULL, sent.get("next"), "a page that does not exist is a null link");
    assertEquals(JsonValue.NULL, sent.get("last"), "a page that does not exist is a null link");
    assertEquals(meta, document.getJsonObject("meta"), "meta as given");
    assertEquals("1.1", document.getJsonObject("jsonapi").getString("version"), "jsonapi.version");
  }

  @Test
  void collectionWithoutMetaHasNoMetaMemberAndAnEmptyPageHasEmptyData() {
    PageLinks links = new PageLinks("/contacts", "/contacts", null, null, "/contacts");

    JsonObject document =
        ContactDocuments.contacts(BASE, List.of(), Representation.JSON_API, links, null);

    assertFalse(document.containsKey("meta"), "no meta member at all: " + document);
    assertEquals(
        JsonValue.EMPTY_JSON_ARRAY,
        document.getJsonArray("data"),
        "an empty page is an empty array");
  }

  @Test
  void deletedDocumentHasSelfLinkAndMetaButNoData() {
    JsonObject document = ContactDocuments.deleted(BASE, new ContactId(ID));

    assertEquals(
        BASE + "/contacts/" + ID, document.getJsonObject("links").getString("self"), "links.self");
    assertEquals(ID, document.getJsonObject("meta").getString("deleted"), "meta names the id");
    assertFalse(document.containsKey("data"), "a meta document has no data: " + document);
    assertEquals("1.1", document.getJsonObject("jsonapi").getString("version"), "jsonapi.version");
  }
}
