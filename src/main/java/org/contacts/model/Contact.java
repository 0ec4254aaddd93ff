package org.contacts.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored contact: its id, the version that changes with every write (the basis of ETags), and its
 * attribute values. Attributes that were never set are absent from the map.
 */
public record Contact(ContactId id, long version, Map<String, String> attributes) {

  public Contact {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public String attribute(String name) {
    return attributes.get(name);
  }
}
