package org.contacts.model;

/** One key of a sort order: an attribute, ascending or descending. */
public record SortKey(String attribute, boolean descending) {

  public static SortKey ascending(String attribute) {
    return new SortKey(attribute, false);
  }

  /** The key as JSON:API's {@code sort} parameter writes it. */
  @Override
  public String toString() {
    return descending ? "-" + attribute : attribute;
  }
}
