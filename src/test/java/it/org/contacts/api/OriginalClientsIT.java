package it.org.contacts.api;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire contract of the original service, which its clients still rely on: bare attribute
 * objects as bodies, any or no Content-Type, {@code _id} among the attributes, 200 on delete.
 */
class OriginalClientsIT extends DeployedServiceBase {

  private static final String BARE =
      "{\"firstName\":\"Katherine\",\"lastName\":\"Johnson\",\"city\":\"Hampton\"}";

  @ParameterizedTest(name = "Content-Type {0}")
  @ValueSource(
      strings = {"application/json", "application/json; charset=utf-8", "text/plain", JSON_API})
  void createAcceptsABareObjectWithPlainContentTypes(String contentType) {
    ApiResponse created = Api.send("POST", "/contacts", BARE, "Content-Type", contentType);
    String id = created.data().getString("id");
    try {
      assertEquals(201, created.status(), () -> "created: " + created);
      assertEquals("Hampton", created.attributes().getString("city"), "attributes as sent");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void createAcceptsABareObjectWithNoContentType() {
    HttpRequest request =
        Api.request("/contacts").POST(HttpRequest.BodyPublishers.ofString(BARE)).build();
    assertFalse(
        request.headers().firstValue("Content-Type").isPresent(),
        "the request has no Content-Type");
    ApiResponse created = Api.send(request);
    try {
      assertEquals(201, created.status(), () -> "created: " + created);
    } finally {
      Api.deleteContact(created.data().getString("id"));
    }
  }

  @Test
  void originalClientsGetTheIdAgainAsTheUnderscoreIdAttribute() {
    String id = Api.createContact(Map.of("firstName", "Dorothy", "lastName", "Vaughan"));
    try {
      ApiResponse plain = Api.get("/contacts/" + id, "Accept", "application/json");
      assertEquals(
          id, plain.attributes().getString("_id"), "_id repeats the id for the original's clients");
      ApiResponse none = Api.get("/contacts/" + id);
      assertEquals(
          id,
          none.attributes().getString("_id"),
          "a client that sends no Accept is an original one");
      ApiResponse strict = Api.getJsonApi("/contacts/" + id);
      assertFalse(
          strict.attributes().containsKey("_id"), "JSON:API clients get no member named _id");
      assertEquals(JSON_API, plain.header("Content-Type"), "both are JSON:API documents");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void listCarriesUnderscoreIdForOriginalClientsOnly() {
    String id = Api.createContact(Map.of("firstName", "Mary", "lastName", "Jackson"));
    try {
      ApiResponse plain = Api.get("/contacts?filter[lastName]=Jackson&filter[firstName]=Mary");
      assertEquals(
          id,
          plain
              .json()
              .getJsonArray("data")
              .getJsonObject(0)
              .getJsonObject("attributes")
              .getString("_id"),
          "each listed contact carries _id");
      ApiResponse strict =
          Api.getJsonApi("/contacts?filter[lastName]=Jackson&filter[firstName]=Mary");
      assertFalse(
          strict
              .json()
              .getJsonArray("data")
              .getJsonObject(0)
              .getJsonObject("attributes")
              .containsKey("_id"),
          "JSON:API clients get none");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void patchWithABareObjectEchoingUnderscoreIdUpdates() {
    String id = Api.createContact(Map.of("firstName", "Annie", "lastName", "Easley"));
    try {
      ApiResponse patched =
          Api.send("PATCH", "/contacts/" + id, "{\"_id\":\"" + id + "\",\"city\":\"Cleveland\"}");
      assertEquals(200, patched.status(), () -> "patched: " + patched);
      assertEquals("Cleveland", patched.attributes().getString("city"), "the change was applied");
      assertEquals("Annie", patched.attributes().getString("firstName"), "nothing else changed");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void deleteAnswers200() {
    String id = Api.createContact(Map.of("firstName", "Christine", "lastName", "Darden"));
    assertEquals(
        200, Api.send("DELETE", "/contacts/" + id, null).status(), "200, not 204, as before");
  }
}
