package org.contacts.jsonapi;

import java.util.Set;

/**
 * How a client wants resources drawn: whether it predates JSON:API and expects the id again among
 * the attributes ({@code legacyId}; the API names that attribute), and which attributes it asked
 * for (all when {@code fields} is null).
 */
public record Representation(boolean legacyId, Set<String> fields) {

  public static final Representation JSON_API = new Representation(false, null);
  public static final Representation LEGACY = new Representation(true, null);

  public Representation withFields(Set<String> fields) {
    return new Representation(legacyId, fields == null ? null : Set.copyOf(fields));
  }

  public boolean includes(String attribute) {
    return fields == null || fields.contains(attribute);
  }
}
