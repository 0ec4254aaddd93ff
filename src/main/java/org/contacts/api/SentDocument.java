package org.contacts.api;

import jakarta.enterprise.context.RequestScoped;
import org.contacts.jsonapi.ResourceInput;

/**
 * The body of the current request as it was sent, kept so that errors about its attributes can
 * point into it; null until a body has been read.
 */
@RequestScoped
public class SentDocument {

  private ResourceInput input;

  public ResourceInput input() {
    return input;
  }

  void keep(ResourceInput input) {
    this.input = input;
  }
}
