package org.contacts.api.auth;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/**
 * A verified caller whose token lacks the scope the request needs: 403, with RFC 6750's
 * insufficient_scope challenge naming that scope.
 */
public class InsufficientScopeException extends ApiException {

  public InsufficientScopeException(String requiredScope) {
    super(
        ErrorObject.of(
                403,
                "Forbidden",
                "This request needs a token with the scope " + requiredScope + ".")
            .atHeader(HttpHeaders.AUTHORIZATION),
        Map.of(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer error=\"insufficient_scope\", scope=\"" + requiredScope + "\""));
  }
}
