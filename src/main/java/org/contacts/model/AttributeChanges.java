package org.contacts.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes a client sent to create or change a contact, in the order it sent them: each a
 * value to set, a removal, or (until validation refuses it) something that is no text. This is the
 * one form of "remove this attribute" from the request to the repository.
 */
public record AttributeChanges(Map<String, AttributeValue> sent) {

  public AttributeChanges {
    sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
  }

  public boolean names(String attribute) {
    return sent.containsKey(attribute);
  }

  /** The values to set, in the order sent; what a new or replaced contact holds. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    sent.forEach(
        (name, value) -> {
          if (value instanceof AttributeValue.Text text) {
            values.put(name, text.text());
          }
        });
    return values;
  }

  /** The attributes of a contact that had these and then took the changes. */
  public Map<String, String> applyTo(Map<String, String> attributes) {
    Map<String, String> changed = new LinkedHashMap<>(attributes);
    sent.forEach(
        (name, value) -> {
          if (value instanceof AttributeValue.Text text) {
            changed.put(name, text.text());
          } else if (value instanceof AttributeValue.Removal) {
            changed.remove(name);
          }
        });
    return changed;
  }
}
