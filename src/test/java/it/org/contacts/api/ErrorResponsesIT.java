package it.org.contacts.api;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure a client can cause is a JSON:API errors document with the right status. */
class ErrorResponsesIT extends DeployedServiceBase {

  private static final String UNKNOWN_ID = "5f8f8c44b54764421b7156c3";

  @Test
  void getReturns404ErrorDocumentForUnknownId() {
    ApiResponse response = Api.get("/contacts/" + UNKNOWN_ID);
    assertEquals(404, response.status(), "unknown contact");
    assertEquals("404", response.error().getString("status"), "status as a string");
    assertEquals("Contact not found", response.error().getString("title"), "the original's title");
    assertEquals(
        "Contact " + UNKNOWN_ID + " not found",
        response.error().getString("detail"),
        "the original's detail");
  }

  @Test
  void getReturns400ForAnIdThatIsNotAnObjectId() {
    ApiResponse response = Api.get("/contacts/not-an-id");
    assertEquals(400, response.status(), "invalid id");
    assertEquals(
        "Invalid contact id: not-an-id",
        response.error().getString("title"),
        "the title names the id");
  }

  @Test
  void overlongIdIsCutInTheTitle() {
    String id = "a".repeat(5_000);
    ApiResponse response = Api.get("/contacts/" + id);
    assertEquals(400, response.status(), "invalid id");
    assertTrue(
        response.error().getString("title").length() < 100,
        "a hostile id does not bloat the answer");
  }

  @Test
  void unprocessableContentSaysSoInTheStatusLine() throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) Api.BASE.resolve("/contacts").toURL().openConnection();
    try {
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Content-Type", JSON_API);
      connection.setDoOutput(true);
      try (OutputStream body = connection.getOutputStream()) {
        body.write(Api.document(Map.of("firstName", "Ada")).getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(
          "HTTP/1.1 422 Unprocessable Content",
          connection.getHeaderField(0),
          "a contact without lastName: RFC 9110's reason phrase, not Undefined");
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void unknownRouteIs404() {
    ApiResponse response = Api.get("/no/such/route");
    assertEquals(404, response.status(), "unknown route");
    assertEquals(
        "Not found", response.error().getString("title"), "a JSON:API error, not an HTML page");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    ApiResponse response = Api.send("DELETE", "/contacts", null);
    assertEquals(405, response.status(), "DELETE on the collection");
    String allow = response.header("Allow");
    assertTrue(
        allow != null && allow.contains("GET") && allow.contains("POST"),
        () -> "Allow lists GET and POST: " + allow);
  }

  @Test
  void unparsableJsonIs400() {
    ApiResponse response =
        Api.send("POST", "/contacts", "{\"firstName\": ", "Content-Type", "application/json");
    assertEquals(400, response.status(), "malformed JSON");
    assertEquals("Malformed JSON", response.error().getString("title"), "says what is wrong");
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @ValueSource(
      strings = {
        "application/xml",
        "multipart/form-data; boundary=x",
        JSON_API + "; charset=utf-8",
        JSON_API + "; ext=\"https://example.org/ext\""
      })
  void unsupportedContentTypeIs415(String contentType) {
    ApiResponse response =
        Api.send(
            "POST",
            "/contacts",
            "{\"firstName\":\"A\",\"lastName\":\"B\"}",
            "Content-Type",
            contentType);
    assertEquals(415, response.status(), () -> "415 for " + contentType + ": " + response);
  }

  @ParameterizedTest(name = "Accept {0}")
  @ValueSource(
      strings = {
        "text/html",
        "application/xml",
        JSON_API + "; charset=utf-8",
        JSON_API + "; charset=utf-8, */*"
      })
  void unacceptableAcceptIs406(String accept) {
    ApiResponse response = Api.get("/contacts/" + UNKNOWN_ID, "Accept", accept);
    assertEquals(406, response.status(), () -> "406 for Accept " + accept + ": " + response);
  }

  @ParameterizedTest(name = "Accept {0}")
  @ValueSource(
      strings = {
        "*/*",
        "application/*",
        "application/json",
        JSON_API,
        JSON_API + "; profile=\"https://example.org/unknown\"",
        JSON_API + "; charset=utf-8, " + JSON_API
      })
  void acceptableAcceptIsServed(String accept) {
    ApiResponse response = Api.get("/contacts?page[size]=1", "Accept", accept);
    assertEquals(200, response.status(), () -> "served for Accept " + accept + ": " + response);
  }

  @Test
  void everyResponseVariesByAccept() {
    ApiResponse response = Api.get("/contacts/" + UNKNOWN_ID);
    assertTrue(
        String.valueOf(response.header("Vary")).contains("Accept"),
        "Vary: Accept, errors included");
  }
}
