package org.contacts.api;

/** A verified caller whose token lacks the scope the request needs. */
public class InsufficientScopeException extends RuntimeException {

  private final String requiredScope;

  public InsufficientScopeException(String requiredScope) {
    super("the token lacks scope " + requiredScope, null, false, false);
    this.requiredScope = requiredScope;
  }

  public String requiredScope() {
    return requiredScope;
  }
}
