package org.contacts.api.query;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contacts.config.ContactsSettings;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactQuery;
import org.contacts.model.SortKey;

/**
 * Reads the JSON:API query parameters of {@code GET /contacts}. Every problem in a query string is
 * collected and reported at once, each error naming its parameter. The page[...] parameters are
 * read by {@link PageParser}.
 */
public final class ContactQueryParser {

  static final String SEARCH_FILTER = "q";
  private static final Pattern FAMILY = Pattern.compile("^(page|filter|fields)\\[([^\\]]*)\\]$");

  /** How long the text of a search (filter[q]) may be, in characters. */
  static final int MAX_SEARCH_LENGTH = 100;

  private static final String CURSOR_ERRORS = JsonApi.CURSOR_PROFILE;

  private final PageParser paging;
  private final QueryErrors errors = new QueryErrors();

  /** The parsed query, and the fields a client selected (null for all). */
  public record Parsed(ContactQuery query, Set<String> fields) {}

  public ContactQueryParser(ContactsSettings settings) {
    this.paging = new PageParser(settings, errors);
  }

  public Parsed parse(MultivaluedMap<String, String> parameters, boolean cursorByDefault) {
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
            } else {
              errors.add(
                  400,
                  "Unknown filter",
                  "Contacts cannot be filtered by \""
                      + member
                      + "\"; filter by one of "
                      + String.join(", ", ContactAttributes.NAMES)
                      + ", or q.",
                  name);
            }
          }
          case "fields" -> {
            if (member.equals("contacts")) {
              fields = fieldSet(name, value);
            } else {
              errors.add(
                  400, "Unknown resource type", "Only fields[contacts] can be selected.", name);
            }
          }
          default -> {
            if (PageParser.MEMBERS.contains(member)) {
              page.put(member, value);
            } else {
              unknownParameter(name);
            }
          }
        }
      }
    }
    ContactQuery.Page pageRequest = paging.parse(page, sort, cursorByDefault);
    errors.throwIfAny();
    return new Parsed(new ContactQuery(filters, search, sort, pageRequest), fields);
  }

  /** Reads the parameters of a single-contact request, where only a fieldset applies. */
  public Set<String> parseFields(MultivaluedMap<String, String> parameters) {
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
    errors.throwIfAny();
    return fields;
  }

  private String single(String name, List<String> values) {
    if (values.size() > 1) {
      errors.add(400, "Repeated query parameter", "\"" + name + "\" may be given once.", name);
      return null;
    }
    return values.isEmpty() ? "" : values.get(0);
  }

  private void unknownParameter(String name) {
    errors.add(
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
      if (!ContactAttributes.isKnown(attribute)) {
        errors.add(
            ErrorObject.of(
                    400,
                    "Unsupported sort field",
                    "Contacts cannot be sorted by \""
                        + field
                        + "\"; sort by any of "
                        + String.join(", ", ContactAttributes.NAMES)
                        + ", with - for descending.")
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
      errors.add(400, "Empty search", "filter[q] needs some text to search for.", name);
      return null;
    }
    if (value.length() > MAX_SEARCH_LENGTH) {
      errors.add(
          400,
          "Search text too long",
          "filter[q] may be at most " + MAX_SEARCH_LENGTH + " characters.",
          name);
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
        errors.add(400, "Unknown field", "Contacts have no field \"" + field + "\".", name);
      }
    }
    return fields;
  }
}
