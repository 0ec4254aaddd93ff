package org.contacts.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contacts.config.ContactsSettings;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.Rfc3339;
import org.contacts.model.SortKey;

/**
 * Reads the JSON:API query parameters of {@code GET /contacts}. Every problem in a query string is
 * collected and reported at once, each error naming its parameter.
 */
final class ContactQueryParser {

  static final String SEARCH_FILTER = "q";
  private static final Pattern FAMILY = Pattern.compile("^(page|filter|fields)\\[([^\\]]*)\\]$");
  private static final Set<String> PAGE_MEMBERS = Set.of("number", "size", "after", "before");
  private static final String CURSOR_ERRORS = JsonApi.CURSOR_PROFILE;

  private final ContactsSettings settings;
  private final List<ErrorObject> errors = new ArrayList<>();

  /** The parsed query, and the fields a client selected (null for all). */
  record Parsed(ContactQuery query, Set<String> fields) {}

  ContactQueryParser(ContactsSettings settings) {
    this.settings = settings;
  }

  Parsed parse(MultivaluedMap<String, String> parameters, boolean cursorByDefault) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    String search = null;
    List<SortKey> sort = List.of();
    Set<String> fields = null;
    Map<String, String> page = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      String value = single(name, parameter.getValue());
      if (value == null) {
        continue;
      }
      Matcher family = FAMILY.matcher(name);
      if (name.equals("sort")) {
        sort = sortKeys(value);
      } else if (!family.matches()) {
        unknownParameter(name);
      } else {
        String member = family.group(2);
        switch (family.group(1)) {
          case "filter" -> {
            if (member.equals(SEARCH_FILTER)) {
              search = searchText(name, value);
            } else if (ContactAttributes.isKnown(member)) {
              filters.put(member, List.of(value.split(",", -1)));
            } else if (member.equals(ContactQuery.UPDATED_SINCE)) {
              Optional<Instant> since = Rfc3339.parse(value);
              if (since.isPresent()) {
                filters.put(member, List.of(Rfc3339.text(since.get())));
              } else {
                error(
                    400,
                    "Invalid time",
                    "filter[updatedSince] must be an RFC 3339 time, such as"
                        + " 2026-01-31T09:30:00.000Z.",
                    name);
              }
            } else {
              error(
                  400,
                  "Unknown filter",
                  "Contacts cannot be filtered by \""
                      + member
                      + "\"; filter by one of "
                      + String.join(", ", ContactAttributes.NAMES)
                      + ", q, or updatedSince.",
                  name);
            }
          }
          case "fields" -> {
            if (member.equals("contacts")) {
              fields = fieldSet(name, value);
            } else {
              error(400, "Unknown resource type", "Only fields[contacts] can be selected.", name);
            }
          }
          default -> {
            if (PAGE_MEMBERS.contains(member)) {
              page.put(member, value);
            } else {
              unknownParameter(name);
            }
          }
        }
      }
    }
    ContactQuery.Page pageRequest = page(page, sort, cursorByDefault);
    if (!errors.isEmpty()) {
      throw new ApiException(errors);
    }
    return new Parsed(new ContactQuery(filters, search, sort, pageRequest), fields);
  }

  /** Reads the parameters of a single-contact request, where only a fieldset applies. */
  Set<String> parseFields(MultivaluedMap<String, String> parameters) {
    Set<String> fields = null;
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      String value = single(name, parameter.getValue());
      if (name.equals("fields[contacts]")) {
        fields = value == null ? null : fieldSet(name, value);
      } else {
        unknownParameter(name);
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(errors);
    }
    return fields;
  }

  private String single(String name, List<String> values) {
    if (values.size() > 1) {
      error(400, "Repeated query parameter", "\"" + name + "\" may be given once.", name);
      return null;
    }
    return values.isEmpty() ? "" : values.get(0);
  }

  private void unknownParameter(String name) {
    error(
        400,
        "Unsupported query parameter",
        "\""
            + name
            + "\" is not a query parameter this service supports; it supports sort, "
            + "filter[...], fields[contacts] and page[number|size|after|before].",
        name);
  }

  private List<SortKey> sortKeys(String value) {
    List<SortKey> keys = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String field : value.split(",", -1)) {
      boolean descending = field.startsWith("-");
      String attribute = descending ? field.substring(1) : field;
      if (!ContactAttributes.isKnown(attribute) && !attribute.equals(ContactQuery.UPDATED_AT)) {
        errors.add(
            ErrorObject.of(
                    400,
                    "Unsupported sort field",
                    "Contacts cannot be sorted by \""
                        + field
                        + "\"; sort by any of "
                        + String.join(", ", ContactAttributes.NAMES)
                        + " or updatedAt, with - for descending.")
                .atParameter("sort")
                .withType(CURSOR_ERRORS + "unsupported-sort"));
      } else if (seen.add(attribute)) {
        keys.add(new SortKey(attribute, descending));
      }
    }
    return keys;
  }

  private String searchText(String name, String value) {
    if (value.isBlank()) {
      error(400, "Empty search", "filter[q] needs some text to search for.", name);
      return null;
    }
    if (value.length() > 100) {
      error(400, "Search text too long", "filter[q] may be at most 100 characters.", name);
      return null;
    }
    return value.strip();
  }

  private Set<String> fieldSet(String name, String value) {
    Set<String> fields = new LinkedHashSet<>();
    if (value.isEmpty()) {
      return fields;
    }
    for (String field : value.split(",", -1)) {
      if (ContactAttributes.isKnown(field)) {
        fields.add(field);
      } else {
        error(400, "Unknown field", "Contacts have no field \"" + field + "\".", name);
      }
    }
    return fields;
  }

  private ContactQuery.Page page(
      Map<String, String> page, List<SortKey> sort, boolean cursorByDefault) {
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
        error(
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
      error(
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
    error(400, "Invalid page parameter", name + " must be a whole number of at least 1.", name);
    return 1;
  }

  private void error(int status, String title, String detail, String parameter) {
    errors.add(ErrorObject.of(status, title, detail).atParameter(parameter));
  }
}
