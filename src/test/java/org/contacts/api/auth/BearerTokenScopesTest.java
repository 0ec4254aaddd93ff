package org.contacts.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which scopes a verified token grants. */
class BearerTokenScopesTest {

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
