package org.contacts.api.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contacts.config.ContactsSettings;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.SortKey;

/**
 * Reads the page[...] parameters of {@code GET /contacts} into the page asked for: numbered pages,
 * or cursors as the cursor pagination profile defines them. Page sizes are bounded by the settings
 * contacts.page.default-size and contacts.page.max-size.
 */
final class PageParser {

  static final Set<String> MEMBERS = Set.of("number", "size", "after", "before");
  private static final String CURSOR_ERRORS = JsonApi.CURSOR_PROFILE;

  private final ContactsSettings settings;
  private final QueryErrors errors;

  PageParser(ContactsSettings settings, QueryErrors errors) {
    this.settings = settings;
    this.errors = errors;
  }

  /** The page asked for, or null when the parameters contradict each other (an error is added). */
  ContactQuery.Page parse(Map<String, String> page, List<SortKey> sort, boolean cursorByDefault) {
    int size = settings.defaultPageSize();
    if (page.containsKey("size")) {
      size = positive("page[size]", page.get("size"));
      if (size > settings.maxPageSize()) {
        errors.add(
            ErrorObject.of(
                    400,
                    "Page size too large",
                    "page[size] may be at most " + settings.maxPageSize() + ".")
                .atParameter("page[size]")
                .withType(CURSOR_ERRORS + "max-size-exceeded")
                .withMeta(
                    JsonBuilders.object()
                        .add("page", JsonBuilders.object().add("maxSize", settings.maxPageSize()))
                        .build()));
      }
    }
    String after = page.get("after");
    String before = page.get("before");
    if (after != null && before != null) {
      errors.add(
          ErrorObject.of(
                  400,
                  "Range pagination not supported",
                  "Send page[after] or page[before], not both.")
              .atParameter("page[before]")
              .withType(CURSOR_ERRORS + "range-pagination-not-supported"));
      return null;
    }
    if (page.containsKey("number")) {
      if (after != null || before != null) {
        errors.add(
            400,
            "Mixed pagination",
            "page[number] cannot be combined with page[after] or page[before].",
            "page[number]");
        return null;
      }
      return ContactQuery.Page.numbered(positive("page[number]", page.get("number")), size);
    }
    if (after == null && before == null && !cursorByDefault) {
      return ContactQuery.Page.numbered(1, size);
    }
    Cursor afterCursor = after == null ? null : cursor("page[after]", after, sort);
    Cursor beforeCursor = before == null ? null : cursor("page[before]", before, sort);
    return new ContactQuery.Page(size, 0, afterCursor, beforeCursor);
  }

  private Cursor cursor(String name, String value, List<SortKey> sort) {
    try {
      return Cursors.decode(value, sort);
    } catch (IllegalArgumentException e) {
      errors.add(
          400,
          "Invalid cursor",
          "The "
              + name
              + " cursor is not one this service issued for this sort order; follow the links of a page.",
          name);
      return null;
    }
  }

  private int positive(String name, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        400, "Invalid page parameter", name + " must be a whole number of at least 1.", name);
    return 1;
  }
}
