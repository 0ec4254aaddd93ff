package org.contacts.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored contact: its id, the version that changes with every write (the basis of ETags), its
 * attribute values, and when and by whom it was created and last changed. Attributes that were
 * never set are absent from the map.
 */
public record Contact(
    ContactId id, long version, Map<String, String> attributes, Provenance provenance) {

  public Contact {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    provenance = provenance == null ? Provenance.UNKNOWN : provenance;
  }

  /** A contact whose provenance is unknown. */
  public Contact(ContactId id, long version, Map<String, String> attributes) {
    this(id, version, attributes, Provenance.UNKNOWN);
  }

  public String attribute(String name) {
    return attributes.get(name);
  }
}
