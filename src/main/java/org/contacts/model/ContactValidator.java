package org.contacts.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a contact's attributes as a client sent them, reporting every problem at once so that a
 * client can fix a form in one round trip.
 */
public final class ContactValidator {

  /** The longest value any attribute may hold, in characters. */
  public static final int MAX_LENGTH = 256;

  // Deliberately simple: one @, no spaces, a dot in the domain. Mailers are the real check.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private ContactValidator() {}

  /**
   * Validates attributes for a create or replace ({@code complete}, where the names are required)
   * or for an update, where only the attributes sent are checked.
   */
  public static List<Violation> validate(AttributeChanges sent, boolean complete) {
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, AttributeValue> entry : sent.sent().entrySet()) {
      String name = entry.getKey();
      if (!ContactAttributes.isKnown(name)) {
        violations.add(
            new Violation(
                name,
                "Unknown attribute",
                "\""
                    + name
                    + "\" is not a contact attribute; contacts have "
                    + String.join(", ", ContactAttributes.NAMES)
                    + "."));
        continue;
      }
      checkValue(name, entry.getValue(), violations);
    }
    if (complete) {
      for (String required : ContactAttributes.NAMES) {
        if (ContactAttributes.REQUIRED.contains(required) && !sent.names(required)) {
          violations.add(missing(required));
        }
      }
    }
    return violations;
  }

  private static void checkValue(String name, AttributeValue value, List<Violation> violations) {
    if (value instanceof AttributeValue.Removal) {
      if (ContactAttributes.REQUIRED.contains(name)) {
        violations.add(missing(name));
      }
      return;
    }
    if (!(value instanceof AttributeValue.Text sent)) {
      violations.add(
          new Violation(name, "Attribute must be a string", "\"" + name + "\" must be a string."));
      return;
    }
    String text = sent.text();
    if (ContactAttributes.REQUIRED.contains(name) && text.isBlank()) {
      violations.add(missing(name));
    } else if (text.length() > MAX_LENGTH) {
      violations.add(
          new Violation(
              name,
              "Attribute too long",
              "\""
                  + name
                  + "\" may hold at most "
                  + MAX_LENGTH
                  + " characters; it has "
                  + text.length()
                  + "."));
    } else if (!text.isEmpty()
        && name.equals(ContactAttributes.EMAIL)
        && !EMAIL.matcher(text).matches()) {
      violations.add(
          new Violation(
              name, "Invalid email address", "\"" + text + "\" is not an email address."));
    } else if (!text.isEmpty() && name.equals(ContactAttributes.WEBSITE) && !isWebUrl(text)) {
      violations.add(
          new Violation(name, "Invalid website", "\"" + text + "\" is not an http or https URL."));
    }
  }

  private static Violation missing(String name) {
    return new Violation(name, "Missing required attribute", "\"" + name + "\" is required.");
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
