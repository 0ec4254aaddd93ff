package org.contacts.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Attributes as a client sends them, written briefly for tests. */
public final class SentAttributes {

  private SentAttributes() {}

  /**
   * From name, value pairs in order: a string is text, null asks for removal, anything else (a
   * number, a boolean, a list) is no text.
   */
  public static AttributeChanges of(Object... pairs) {
    Map<String, AttributeValue> sent = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      sent.put(
          (String) pairs[i],
          value instanceof String text
              ? AttributeValue.text(text)
              : value == null ? AttributeValue.REMOVAL : AttributeValue.NOT_TEXT);
    }
    return new AttributeChanges(sent);
  }
}
