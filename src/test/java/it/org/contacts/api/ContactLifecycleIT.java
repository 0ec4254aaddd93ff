package it.org.contacts.api;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, read, update, replace and delete one contact, as a JSON:API client does. */
class ContactLifecycleIT extends DeployedServiceBase {

  @Test
  void createReturns201WithLocationAndTheStoredContact() {
    ApiResponse created =
        Api.sendJsonApi(
            "POST",
            "/contacts",
            Api.document(
                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org")));
    String id = created.data().getString("id");
    try {
      assertEquals(201, created.status(), () -> "create answers 201: " + created);
      assertEquals(
          Api.BASE + "/contacts/" + id,
          created.header("Location"),
          "Location names the new contact, absolutely");
      assertEquals("contacts", created.data().getString("type"), "the resource type");
      assertEquals("Ada", created.attributes().getString("firstName"), "attributes as sent");
      assertEquals(
          Api.BASE + "/contacts/" + id,
          created.data().getJsonObject("links").getString("self"),
          "resource self link");

      ApiResponse fetched = Api.getJsonApi("/contacts/" + id);
      assertEquals(200, fetched.status(), "the created contact can be read");
      assertEquals("ada@example.org", fetched.attributes().getString("email"), "stored attributes");
      assertEquals(
          Api.BASE + "/contacts/" + id,
          fetched.json().getJsonObject("links").getString("self"),
          "document self link");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void patchChangesOnlyTheAttributesGiven() {
    String id =
        Api.createContact(Map.of("firstName", "Grace", "lastName", "Hopper", "city", "Arlington"));
    try {
      ApiResponse patched =
          Api.sendJsonApi(
              "PATCH",
              "/contacts/" + id,
              "{\"data\":{\"type\":\"contacts\",\"id\":\""
                  + id
                  + "\",\"attributes\":{\"city\":\"New York\"}}}");
      assertEquals(200, patched.status(), () -> "patch answers 200: " + patched);
      assertEquals(
          "New York", patched.attributes().getString("city"), "the attribute sent changed");
      assertEquals("Grace", patched.attributes().getString("firstName"), "the others did not");
      assertEquals(
          "New York", Api.getJsonApi("/contacts/" + id).attributes().getString("city"), "stored");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void putReplacesAllAttributes() {
    String id =
        Api.createContact(Map.of("firstName", "Alan", "lastName", "Turing", "city", "Wilmslow"));
    try {
      ApiResponse replaced =
          Api.sendJsonApi(
              "PUT",
              "/contacts/" + id,
              Api.document(Map.of("firstName", "Alan", "lastName", "Turing", "state", "GB")));
      assertEquals(200, replaced.status(), () -> "put answers 200: " + replaced);
      JsonObject attributes = Api.getJsonApi("/contacts/" + id).attributes();
      assertEquals("GB", attributes.getString("state"), "the new attribute is stored");
      assertTrue(attributes.isNull("city"), "an attribute left out of a replace is gone");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void deleteAnswersMetaOnlyAndTheContactIsGone() {
    String id = Api.createContact(Map.of("firstName", "Edsger", "lastName", "Dijkstra"));
    ApiResponse deleted = Api.send("DELETE", "/contacts/" + id, null, "Accept", JSON_API);
    assertEquals(200, deleted.status(), "delete answers 200, as the original did");
    assertTrue(deleted.json().containsKey("meta"), "the answer carries meta");
    assertFalse(deleted.json().containsKey("data"), "and no data");
    assertEquals(404, Api.get("/contacts/" + id).status(), "the contact is gone");
    assertEquals(
        404, Api.send("DELETE", "/contacts/" + id, null).status(), "deleting it again is 404");
  }
}
