package it.org.contacts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service started as its users start it: the development build on the embedded datastore, as
 * the run command does, and the production build with MONGO_URI, or wrongly without it. Each test
 * runs a Liberty server of its own.
 */
class ServerConfigurationsIT {

  private static final String PASSWORD = "Sup3r-S3cret-Pw";

  @Test
  void developmentBuildSeedsItsEmbeddedDatastoreWith500ContactsAndTheLogSaysItIsInUse() {
    assumeTrue(
        Files.exists(LibertyServer.developmentWar()),
        "a build with -Dproduction makes no development WAR");
    LibertyServer stopped;
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-embedded",
            LibertyServer.developmentWar(),
            Map.of())) { // the development build's default, not the environment, starts it
      stopped = server;
      ApiResponse page = Api.send(server.request("/contacts").build());
      assertEquals(200, page.status(), () -> "the run command serves contacts: " + page);
      assertEquals(
          500, page.json().getJsonObject("meta").getInt("total"), "500 generated contacts");
      assertFalse(
          page.json()
              .getJsonArray("data")
              .getJsonObject(0)
              .getJsonObject("attributes")
              .isNull("website"),
          "every attribute is filled");
      assertTrue(
          server.logs().contains("EMBEDDED development datastore"),
          "the log says plainly which datastore");
    }
    String logs = stopped.logs();
    int drained = logs.indexOf("Stopping: no request in flight");
    int closed = logs.indexOf("MongoDB client closed");
    assertTrue(
        drained >= 0 && closed > drained,
        "a stop drains requests first, then closes the MongoDB client");
  }

  @Test
  void developmentBuildAsksForTokensWhenTheEnvironmentSaysJwt() throws Exception {
    assumeTrue(
        Files.exists(LibertyServer.developmentWar()),
        "a build with -Dproduction makes no development WAR");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    String publicKey =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-embedded-jwt",
            LibertyServer.developmentWar(),
            Map.of(
                "CONTACTS_AUTH_MODE",
                "jwt",
                "MP_JWT_VERIFY_PUBLICKEY",
                publicKey,
                "MP_JWT_VERIFY_ISSUER",
                "https://issuer.contacts.test"))) {
      ApiResponse contacts = Api.send(server.request("/contacts").build());
      assertEquals(
          401, contacts.status(), () -> "the environment wins over the open default: " + contacts);
      assertTrue(
          String.valueOf(contacts.header("WWW-Authenticate")).startsWith("Bearer"),
          "it asks for a bearer token");
      ApiResponse ready = Api.sendUnchecked(server.request("/health/ready").build());
      assertEquals(
          200,
          ready.status(),
          () ->
              "the key is there, and the embedded datastore, a default the environment"
                  + " leaves alone, runs: "
                  + ready.body());
    }
  }

  @Test
  void missingMongoUriIsAClearErrorInReadinessAndTheLog() {
    try (LibertyServer server = LibertyServer.start("contacts-unconfigured", Map.of())) {
      assertNotConfigured(server);
    }
  }

  @Test
  void productionBuildHasNoEmbeddedDatastoreToStartAndSaysSo() {
    try (LibertyServer server =
        LibertyServer.start("contacts-no-embedded", Map.of("MONGO_EMBEDDED", "true"))) {
      assertNotConfigured(server);
      assertTrue(
          server.logs().contains("this is a production build and has no embedded datastore"),
          "the log says why MONGO_EMBEDDED does nothing");
      assertFalse(
          server.logs().contains("EMBEDDED development datastore"), "no datastore was started");
    }
  }

  @Test
  void productionBuildWithoutACursorKeyRefusesOnlyTheChangeFeedAndSaysWhy() {
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-no-cursor-key",
            Map.of(
                "MONGO_URI",
                TestDatastore.connectionString(),
                "CONTACTS_CHANGES_CURSOR_KEY",
                ""))) {
      for (String accept : List.of("application/vnd.api+json", "text/event-stream")) {
        ApiResponse feed =
            Api.send(server.request("/contacts/changes").header("Accept", accept).build());
        assertEquals(503, feed.status(), () -> accept + ": no feed without a key: " + feed);
        assertEquals("Change feed is not configured", feed.error().getString("title"), "says why");
        assertTrue(
            feed.error().getString("detail").contains("CONTACTS_CHANGES_CURSOR_KEY"),
            () -> "and what to set: " + feed.body());
      }
      assertEquals(
          200,
          Api.send(server.request("/contacts").build()).status(),
          "the rest of the API is served");
      assertTrue(
          server.logs().contains("contacts.changes.cursor-key is not set"),
          "the log says so at start");
    }
  }

  /** Not ready, 503 on the API, alive, and readiness, response and log all name MONGO_URI. */
  private static void assertNotConfigured(LibertyServer server) {
    ApiResponse ready = Api.sendUnchecked(server.request("/health/ready").build());
    assertEquals(503, ready.status(), "not ready without a datastore");
    assertTrue(
        ready.body().contains("MONGO_URI"),
        () -> "readiness says what is missing: " + ready.body());
    ApiResponse contacts = Api.send(server.request("/contacts").build());
    assertEquals(503, contacts.status(), "no silent empty service");
    assertEquals("Datastore is not configured", contacts.error().getString("title"), "says why");
    assertTrue(
        contacts.error().getString("detail").contains("set MONGO_URI"),
        () -> "and what to do: " + contacts.body());
    assertEquals(
        200, Api.sendUnchecked(server.request("/health/live").build()).status(), "but alive");
    assertTrue(server.logs().contains("set MONGO_URI"), "the log says what to do");
  }

  @Test
  void credentialsInMongoUriNeverReachAResponseOrALogLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String uri =
        "mongodb://contacts:" + PASSWORD + "@127.0.0.1:" + closedPort + "/test?authSource=admin";
    try (LibertyServer server =
        LibertyServer.start("contacts-secret", Map.of("MONGO_URI", uri, "LOG_FORMAT", "JSON"))) {
      List<ApiResponse> responses = new ArrayList<>();
      String id = "5f8f8c44b54764421b7156c3";
      String body = "{\"firstName\":\"A\",\"lastName\":\"B\"}";
      responses.add(Api.send(server.request("/contacts").build()));
      responses.add(Api.send(server.request("/contacts/" + id).build()));
      responses.add(
          Api.send(
              server.request("/contacts").POST(HttpRequest.BodyPublishers.ofString(body)).build()));
      responses.add(
          Api.send(
              server
                  .request("/contacts/" + id)
                  .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                  .build()));
      responses.add(Api.send(server.request("/contacts/" + id).DELETE().build()));
      responses.add(Api.send(server.request("/readiness").build()));
      responses.add(Api.sendUnchecked(server.request("/health/ready").build()));
      responses.add(Api.sendUnchecked(server.request("/health").build()));
      for (ApiResponse response : responses) {
        assertEquals(503, response.status(), () -> "the datastore is unreachable: " + response);
        assertFalse(response.body().contains(PASSWORD), () -> "no password in a body: " + response);
        assertFalse(response.headers().toString().contains(PASSWORD), "no password in a header");
      }
      assertEquals(
          "Datastore is unreachable",
          responses.get(0).error().getString("title"),
          "the outage is named");
      assertTrue(responses.get(0).header("Retry-After") != null, "with Retry-After");
      String logs = server.logs();
      assertTrue(
          logs.contains("contacts:****@127.0.0.1"),
          "the log names the datastore with the password redacted");
      assertFalse(logs.contains(PASSWORD), "no log line carries the password");
      assertJsonLines(server.messagesLog());
    }
  }

  /** LOG_FORMAT=JSON: one JSON object per line, request lines carrying the request id. */
  private static void assertJsonLines(List<String> lines) {
    int first = 0;
    while (first < lines.size() && !lines.get(first).startsWith("{")) {
      first++; // Liberty's banner heads every log file
    }
    assertTrue(first < lines.size(), "the server logged JSON");
    boolean sawRequestLine = false;
    for (String line : lines.subList(first, lines.size())) {
      JsonObject entry;
      try (JsonReader reader = Json.createReader(new StringReader(line))) {
        entry = reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object: " + line, e);
      }
      if (entry.getString("message", "").startsWith("GET /contacts ")) {
        sawRequestLine = true;
        assertTrue(
            entry.containsKey("ext_requestId"),
            () -> "the request id is a field of the line: " + line);
      }
    }
    assertTrue(sawRequestLine, "request lines are logged as JSON too");
  }
}
