package org.contacts.model;

import java.util.List;
import java.util.Map;

/**
 * Which contacts a client asked for and in what order: exact-match filters (any of the values per
 * attribute, and {@link #UPDATED_SINCE}), an optional case-insensitive prefix search, sort keys,
 * and one page.
 */
public record ContactQuery(
    Map<String, List<String>> filters, String search, List<SortKey> sort, Page page) {

  /** The sort key of the last change: contacts never changed since it was recorded come first. */
  public static final String UPDATED_AT = "updatedAt";

  /**
   * The filter of contacts last changed at or after a time; its one value is RFC 3339 as {@link
   * Rfc3339#text} writes it.
   */
  public static final String UPDATED_SINCE = "updatedSince";

  public ContactQuery {
    filters = Map.copyOf(filters);
    sort = List.copyOf(sort);
  }

  public boolean isFiltered() {
    return !filters.isEmpty() || search != null;
  }

  /**
   * One page: either by offset ({@code number}, counted from 1) or by keyset ({@code after} or
   * {@code before} a cursor). Both have a size.
   */
  public record Page(int size, int number, Cursor after, Cursor before) {

    public static Page numbered(int number, int size) {
      return new Page(size, number, null, null);
    }

    public boolean isCursor() {
      return number == 0;
    }

    public int offset() {
      return isCursor() ? 0 : (number - 1) * size;
    }
  }
}
