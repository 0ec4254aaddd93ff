package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.contacts.api.auth.AuthenticationRequiredException;
import org.contacts.api.auth.InsufficientScopeException;
import org.junit.jupiter.api.Test;

/** What a refused caller is told, through the one door for errors. */
class AuthenticationRefusalsTest {

  private final ErrorMapper mapper = ErrorMapperTest.mapper();

  @Test
  void missingTokenIs401WithTheRealmOnly() {
    Response response = mapper.toResponse(new AuthenticationRequiredException(false));
    assertEquals(401, response.getStatus(), "status");
    assertEquals(
        "Bearer realm=\"contacts\"", response.getHeaderString("WWW-Authenticate"), "challenge");
    assertEquals("401", firstError(response).getString("status"), "an errors document");
  }

  @Test
  void refusedTokenIs401InvalidToken() {
    Response response = mapper.toResponse(new AuthenticationRequiredException(true));
    assertEquals(
        "Bearer realm=\"contacts\", error=\"invalid_token\"",
        response.getHeaderString("WWW-Authenticate"),
        "RFC 6750's challenge when a token was sent");
  }

  @Test
  void missingScopeIs403NamingTheScope() {
    Response response = mapper.toResponse(new InsufficientScopeException("contacts:write"));
    assertEquals(403, response.getStatus(), "status");
    assertEquals(
        "Bearer error=\"insufficient_scope\", scope=\"contacts:write\"",
        response.getHeaderString("WWW-Authenticate"),
        "challenge");
    assertEquals("403", firstError(response).getString("status"), "an errors document");
  }

  private static JsonObject firstError(Response response) {
    return ((JsonObject) response.getEntity()).getJsonArray("errors").getJsonObject(0);
  }
}
