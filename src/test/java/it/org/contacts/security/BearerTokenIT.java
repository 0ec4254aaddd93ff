package it.org.contacts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.MintToken;

/**
 * The service in jwt mode, as production runs it, with a key pair this test makes and tokens it
 * signs itself with the project's token tool (tools/MintToken.java, RS256 with JDK crypto). Every
 * refusal is a JSON:API errors document with RFC 6750's challenge, and no token ever reaches the
 * log.
 */
class BearerTokenIT {

  private static final String ISSUER = "https://issuer.contacts.test";
  private static final String AUDIENCE = "contacts";
  private static final String CHALLENGE = "Bearer realm=\"contacts\"";
  private static final String INVALID_TOKEN = "Bearer realm=\"contacts\", error=\"invalid_token\"";
  private static final String CONTACT = "{\"firstName\":\"Grace\",\"lastName\":\"%s\"}";

  private static final List<String> SENT =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private static KeyPair trusted;
  private static LibertyServer server;
  private static String forged;

  @BeforeAll
  static void startServerInJwtMode() throws Exception {
    trusted = MintToken.keyPair();
    long now = Instant.now().getEpochSecond();
    forged = sign(MintToken.keyPair(), claims("reader", now, now + 3600, null, "contacts:read"));
    server =
        LibertyServer.start(
            "contacts-jwt",
            Map.of(
                "CONTACTS_AUTH_MODE",
                "jwt",
                "MONGO_URI",
                TestDatastore.connectionString(),
                "MP_JWT_VERIFY_PUBLICKEY",
                MintToken.publicKeyPem(trusted.getPublic()),
                "MP_JWT_VERIFY_ISSUER",
                ISSUER,
                "MP_JWT_VERIFY_AUDIENCES",
                AUDIENCE,
                "keystore_password",
                UUID.randomUUID().toString()));
  }

  /**
   * messages.log and console.log, the logs an operator and a log shipper read, carry none of the
   * tokens. Liberty's FFDC incident file (logs/ffdc) is the one place it writes a token itself: the
   * first token per server run whose signature fails to verify, quoted by jose4j's exception.
   */
  @AfterAll
  static void noTokenReachedTheLog() {
    try {
      String messages = String.join("\n", server.messagesLog());
      assertTrue(messages.contains("caller=reader"), "the request log names the caller");
      assertFalse(SENT.isEmpty(), "the tests sent tokens");
      for (String token : SENT) {
        assertFalse(
            messages.contains(signatureOf(token)) || server.consoleLog().contains(token),
            () -> "no log line carries a token: " + token);
      }
      String everything = server.logs();
      List<String> inFfdc = SENT.stream().filter(everything::contains).distinct().toList();
      assertTrue(
          inFfdc.isEmpty() || inFfdc.equals(List.of(forged)),
          () -> "only the forged token may be in an FFDC incident file: " + inFfdc);
    } finally {
      server.close();
    }
  }

  private static String signatureOf(String token) {
    String signature = token.substring(token.lastIndexOf('.') + 1);
    return signature.length() > 16 ? signature : token;
  }

  @Test
  void requestWithoutTokenIs401WithTheBearerChallenge() {
    ApiResponse response = Api.send(server.request("/contacts").build());
    assertRefused(response, 401, CHALLENGE);
  }

  @Test
  void refusedTokensAre401InvalidTokenDocuments() throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, String> refused =
        Map.of(
            "garbage", "not-a-jwt",
            "expired",
                sign(trusted, claims("reader", now - 7200, now - 3600, null, "contacts:read")),
            "not yet valid",
                sign(trusted, claims("reader", now, now + 7200, now + 3600, "contacts:read")),
            "forged", forged,
            "wrong issuer",
                sign(
                    trusted,
                    claims("reader", now, now + 600, null, "contacts:read")
                        .replace(ISSUER, "https://elsewhere.test")),
            "wrong audience",
                sign(
                    trusted,
                    claims("reader", now, now + 600, null, "contacts:read")
                        .replace("\"aud\":\"" + AUDIENCE + "\"", "\"aud\":\"billing\"")),
            "alg none", unsigned(claims("reader", now, now + 600, null, "contacts:read")));
    refused.forEach(
        (kind, token) -> {
          ApiResponse response = get("/contacts", token);
          assertRefused(response, 401, INVALID_TOKEN);
          assertEquals(
              "Unauthorized", response.error().getString("title"), () -> kind + ": " + response);
        });
  }

  @Test
  void readTokenReadsButCannotWriteAndNothingIsStored() throws Exception {
    String reader = token("reader", "contacts:read");
    ApiResponse list = get("/contacts", reader);
    assertEquals(200, list.status(), () -> "a read token lists contacts: " + list);

    String marker = "Refused-" + UUID.randomUUID();
    ApiResponse write = post(reader, String.format(CONTACT, marker));
    assertRefused(write, 403, "Bearer error=\"insufficient_scope\", scope=\"contacts:write\"");
    assertEquals(
        0,
        TestDatastore.contacts().countDocuments(Filters.eq("lastName", marker)),
        "a refused write stores nothing");
  }

  @Test
  void writeTokenWritesAndReads() throws Exception {
    String writer = token("writer", "contacts:write");
    ApiResponse created = post(writer, String.format(CONTACT, "Hopper"));
    assertEquals(201, created.status(), () -> "a write token creates: " + created);
    String id = created.data().getString("id");
    try {
      ApiResponse read = get("/contacts/" + id, writer);
      assertEquals(200, read.status(), () -> "a write token reads too: " + read);
    } finally {
      ApiResponse deleted = delete(id, writer);
      assertEquals(200, deleted.status(), () -> "a write token deletes: " + deleted);
    }
  }

  @Test
  void writesRecordTheSubjectAndTheFeedNeedsTheReadScope() throws Exception {
    String writer = token("writer", "contacts:write");
    ApiResponse created =
        Api.send(
            server
                .request("/contacts")
                .header("Authorization", bearer(writer))
                .header("Content-Type", Api.JSON_API)
                .header("Accept", Api.JSON_API)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Api.document(Map.of("firstName", "Grace", "lastName", "Subject"))))
                .build());
    assertEquals(201, created.status(), () -> "created: " + created);
    String id = created.data().getString("id");
    try {
      assertEquals(
          "writer",
          created.data().getJsonObject("meta").getString("createdBy"),
          "the token's subject created it");
      assertEquals(
          "writer", created.data().getJsonObject("meta").getString("updatedBy"), "and changed it");

      assertEquals(
          200,
          get("/contacts/changes", token("reader", "contacts:read")).status(),
          "the feed with contacts:read");
      assertRefused(
          get("/contacts/changes", token("nobody")),
          403,
          "Bearer error=\"insufficient_scope\", scope=\"contacts:read\"");
    } finally {
      delete(id, writer);
    }
  }

  @Test
  void importsNeedTheWriteScopeAndARefusedImportStoresNothing() throws Exception {
    String marker = "Imported-" + UUID.randomUUID();
    Map<String, String> files =
        Map.of(
            "text/csv",
            "firstName,lastName\nGrace," + marker + "\n",
            "text/vcard",
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN:"
                + marker
                + ";Grace;;;\r\nFN:Grace "
                + marker
                + "\r\nEND:VCARD\r\n");
    String reader = token("reader", "contacts:read");
    String writer = token("writer", "contacts:write");
    for (Map.Entry<String, String> file : files.entrySet()) {
      assertRefused(importFile(null, file), 401, CHALLENGE);
      assertRefused(
          importFile(reader, file),
          403,
          "Bearer error=\"insufficient_scope\", scope=\"contacts:write\"");
      assertEquals(
          0,
          TestDatastore.contacts().countDocuments(Filters.eq("lastName", marker)),
          () -> "a refused " + file.getKey() + " import stores nothing");

      ApiResponse imported = importFile(writer, file);
      assertEquals(201, imported.status(), () -> "a write token imports: " + imported);
      String id = imported.attributes().getJsonArray("ids").getString(0);
      assertEquals(200, delete(id, writer).status(), "the imported contact is removed");
    }
  }

  @Test
  void exportsNeedTheReadScopeWhichTheWriteScopeIncludes() throws Exception {
    String selection = "/contacts?filter%5BlastName%5D=" + UUID.randomUUID();
    String nobody = token("nobody");
    String reader = token("reader", "contacts:read");
    String writer = token("writer", "contacts:write");
    for (String type : List.of("text/csv", "text/vcard", "text/vcard;version=3.0")) {
      assertRefused(export(selection, null, type), 401, CHALLENGE);
      assertRefused(
          export(selection, nobody, type),
          403,
          "Bearer error=\"insufficient_scope\", scope=\"contacts:read\"");
      for (String token : List.of(reader, writer)) {
        ApiResponse exported = export(selection, token, type);
        assertEquals(200, exported.status(), () -> type + " exported: " + exported);
        assertTrue(
            exported.header("Content-Type").startsWith(type.replaceAll(";.*", "")),
            () -> "as " + type + ": " + exported.header("Content-Type"));
      }
    }
  }

  @Test
  void oauthScopeClaimGrantsLikeGroups() throws Exception {
    long now = Instant.now().getEpochSecond();
    String token =
        sign(
            trusted,
            claims("scoped", now, now + 600, null)
                .replace("}", ",\"scope\":\"openid contacts:read\"}"));
    ApiResponse list = get("/contacts", token);
    assertEquals(200, list.status(), () -> "scope contacts:read reads: " + list);
  }

  @Test
  void tokenWithoutScopesIs403() throws Exception {
    ApiResponse response = get("/contacts", token("nobody"));
    assertRefused(response, 403, "Bearer error=\"insufficient_scope\", scope=\"contacts:read\"");
  }

  @Test
  void probesDescriptionAndMetricsAnswerWithoutToken() {
    for (String path :
        List.of(
            "/health/live",
            "/health/ready",
            "/health/started",
            "/liveness",
            "/readiness",
            "/ping",
            "/openapi",
            "/metrics")) {
      ApiResponse response = Api.sendUnchecked(server.request(path).build());
      assertEquals(200, response.status(), () -> path + " is open: " + response);
    }
  }

  private static void assertRefused(ApiResponse response, int status, String challenge) {
    assertEquals(status, response.status(), () -> "status: " + response);
    assertEquals(challenge, response.header("WWW-Authenticate"), "the challenge");
    assertEquals(Api.JSON_API, response.header("Content-Type"), "a JSON:API document: " + response);
    assertEquals(
        Integer.toString(status),
        response.error().getString("status"),
        () -> "an error object: " + response);
  }

  private static ApiResponse get(String path, String token) {
    return Api.send(server.request(path).header("Authorization", bearer(token)).build());
  }

  private static ApiResponse post(String token, String body) {
    return Api.send(
        server
            .request("/contacts")
            .header("Authorization", bearer(token))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a file (type, content), with a token or none. */
  private static ApiResponse importFile(String token, Map.Entry<String, String> file) {
    HttpRequest.Builder request =
        server
            .request("/contacts")
            .header("Content-Type", file.getKey())
            .POST(HttpRequest.BodyPublishers.ofString(file.getValue()));
    if (token != null) {
      request.header("Authorization", bearer(token));
    }
    return Api.send(request.build());
  }

  private static ApiResponse export(String path, String token, String type) {
    HttpRequest.Builder request = server.request(path).header("Accept", type);
    if (token != null) {
      request.header("Authorization", bearer(token));
    }
    return Api.sendUnchecked(request.build());
  }

  private static ApiResponse delete(String id, String token) {
    return Api.send(
        server.request("/contacts/" + id).header("Authorization", bearer(token)).DELETE().build());
  }

  private static String bearer(String token) {
    SENT.add(token);
    return "Bearer " + token;
  }

  private static String token(String subject, String... groups) throws Exception {
    long now = Instant.now().getEpochSecond();
    return sign(trusted, claims(subject, now, now + 600, null, groups));
  }

  private static String claims(
      String subject, long issuedAt, long expires, Long notBefore, String... groups) {
    StringBuilder json =
        new StringBuilder("{\"iss\":\"")
            .append(ISSUER)
            .append("\",\"aud\":\"")
            .append(AUDIENCE)
            .append("\",\"sub\":\"")
            .append(subject)
            .append("\",\"jti\":\"")
            .append(UUID.randomUUID())
            .append("\",\"iat\":")
            .append(issuedAt)
            .append(",\"exp\":")
            .append(expires);
    if (notBefore != null) {
      json.append(",\"nbf\":").append(notBefore);
    }
    if (groups.length > 0) {
      json.append(",\"groups\":[\"").append(String.join("\",\"", groups)).append("\"]");
    }
    return json.append('}').toString();
  }

  private static String sign(KeyPair keys, String claims) throws Exception {
    return MintToken.sign(keys.getPrivate(), claims);
  }

  private static String unsigned(String claims) {
    return MintToken.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")
        + "."
        + MintToken.encode(claims)
        + ".";
  }
}
