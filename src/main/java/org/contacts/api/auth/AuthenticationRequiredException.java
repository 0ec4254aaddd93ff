package org.contacts.api.auth;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/**
 * A request to a protected route came without a usable bearer token: none was sent, or the one sent
 * was refused (badly formed, wrongly signed, expired, from another issuer or audience). Why exactly
 * is not told to the client, as RFC 6750 advises, nor logged with the token. Answered 401 with RFC
 * 6750's challenge, which says error="invalid_token" only when a token was sent.
 */
public class AuthenticationRequiredException extends ApiException {

  public AuthenticationRequiredException(boolean tokenSent) {
    super(
        ErrorObject.of(401, "Unauthorized", detail(tokenSent)).atHeader(HttpHeaders.AUTHORIZATION),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge(tokenSent)));
  }

  private static String detail(boolean tokenSent) {
    return tokenSent
        ? "The bearer token was refused: it is malformed, expired or not yet valid, or not"
            + " signed by the trusted key for this issuer and audience."
        : "Send a bearer token: Authorization: Bearer <token>.";
  }

  private static String challenge(boolean tokenSent) {
    return tokenSent
        ? "Bearer realm=\"contacts\", error=\"invalid_token\""
        : "Bearer realm=\"contacts\"";
  }
}
