package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What a refused caller is told, and which scopes a verified token grants. */
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

  @Test
  void scopesComeFromGroupsAndFromTheSpaceSeparatedScopeClaim() {
    JsonWebToken token =
        token(Set.of("contacts:read"), Json.createValue("openid  contacts:write profile"));
    assertEquals(
        Set.of("contacts:read", "openid", "contacts:write", "profile"),
        BearerTokenFilter.scopesOf(token),
        "both claims count");
    assertEquals(Set.of(), BearerTokenFilter.scopesOf(token(null, null)), "neither claim: none");
  }

  private static JsonObject firstError(Response response) {
    return ((JsonObject) response.getEntity()).getJsonArray("errors").getJsonObject(0);
  }

  private static JsonWebToken token(Set<String> groups, Object scope) {
    Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("scope", scope);
    return (JsonWebToken)
        Proxy.newProxyInstance(
            JsonWebToken.class.getClassLoader(),
            new Class<?>[] {JsonWebToken.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getGroups" -> groups;
                  case "getClaim" -> claims.get((String) args[0]);
                  default -> null;
                });
  }
}
