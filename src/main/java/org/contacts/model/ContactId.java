package org.contacts.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a contact: 24 hexadecimal digits, as MongoDB's ObjectIds are written. It keeps the text
 * a client sent, so that answers name the id as the client wrote it.
 */
public record ContactId(String text) {

  private static final Pattern HEX_24 = Pattern.compile("[0-9a-fA-F]{24}");

  public ContactId {
    if (text == null || !HEX_24.matcher(text).matches()) {
      throw new IllegalArgumentException("not 24 hexadecimal digits");
    }
  }

  /** The id this text names, or empty when it cannot be one. */
  public static Optional<ContactId> parse(String text) {
    return text != null && HEX_24.matcher(text).matches()
        ? Optional.of(new ContactId(text))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
