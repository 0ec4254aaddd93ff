package org.contacts.api;

/**
 * A request to a protected route came without a usable bearer token: none was sent, or the one sent
 * was refused (badly formed, wrongly signed, expired, from another issuer or audience). Why exactly
 * is not told to the client, as RFC 6750 advises, nor logged with the token.
 */
public class AuthenticationRequiredException extends RuntimeException {

  private final boolean tokenSent;

  public AuthenticationRequiredException(boolean tokenSent) {
    super(tokenSent ? "bearer token refused" : "no bearer token", null, false, false);
    this.tokenSent = tokenSent;
  }

  public boolean tokenSent() {
    return tokenSent;
  }
}
