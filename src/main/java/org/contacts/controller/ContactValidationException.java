package org.contacts.controller;

import java.util.List;
import org.contacts.model.Violation;

/** A contact's attributes broke the rules: every problem found, each naming its attribute. */
public final class ContactValidationException extends ContactException {

  private final List<Violation> violations;

  public ContactValidationException(List<Violation> violations) {
    super(violations.size() + " invalid attributes");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
