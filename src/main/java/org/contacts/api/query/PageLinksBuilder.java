package org.contacts.api.query;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.contacts.jsonapi.PageLinks;
import org.contacts.model.Contact;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;

/**
 * The self, first, prev, next and last links of a page, keeping the client's other parameters. Each
 * is built from decoded parameters and encoded again, so that a link is a valid URI whatever the
 * client sent (page[size] becomes page%5Bsize%5D); self keeps the client's order of parameters.
 */
public final class PageLinksBuilder {

  private final String path;
  private final String self;
  private final Map<String, String> kept = new LinkedHashMap<>();

  /**
   * @param path the absolute URL of the collection
   */
  public PageLinksBuilder(String path, String rawQuery, MultivaluedMap<String, String> parameters) {
    this.path = path;
    this.self = rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + reencoded(rawQuery);
    parameters.forEach(
        (name, values) -> {
          if (!name.startsWith("page[") && !values.isEmpty()) {
            kept.put(name, values.get(0));
          }
        });
  }

  /** The query as the client sent it, each name and value decoded and encoded again. */
  private static String reencoded(String rawQuery) {
    StringJoiner query = new StringJoiner("&");
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = encode(decode(equals < 0 ? pair : pair.substring(0, equals)));
      query.add(equals < 0 ? name : name + "=" + encode(decode(pair.substring(equals + 1))));
    }
    return query.toString();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // not valid percent-encoding: encoded as it stands
    }
  }

  public PageLinks links(ContactQuery query, ContactPage page) {
    ContactQuery.Page request = query.page();
    String sizeParam = Integer.toString(request.size());
    if (request.isCursor()) {
      return cursorLinks(query, page, sizeParam);
    }
    int number = request.number();
    Long last =
        page.total() == null
            ? null
            : Math.max(1, (page.total() + request.size() - 1) / request.size());
    return new PageLinks(
        self,
        link(Map.of("page[number]", "1", "page[size]", sizeParam)),
        number > 1
            ? link(Map.of("page[number]", Integer.toString(number - 1), "page[size]", sizeParam))
            : null,
        page.hasMore()
            ? link(Map.of("page[number]", Integer.toString(number + 1), "page[size]", sizeParam))
            : null,
        last == null
            ? null
            : link(Map.of("page[number]", Long.toString(last), "page[size]", sizeParam)));
  }

  /**
   * Cursor links as the cursor pagination profile defines them: prev and next always present, null
   * when the client is at that end.
   */
  private PageLinks cursorLinks(ContactQuery query, ContactPage page, String sizeParam) {
    ContactQuery.Page request = query.page();
    List<Contact> contacts = page.contacts();
    String next = null;
    String prev = null;
    if (!contacts.isEmpty()) {
      String firstCursor = Cursors.encode(contacts.get(0), query.sort());
      String lastCursor = Cursors.encode(contacts.get(contacts.size() - 1), query.sort());
      boolean moreAfter = request.before() != null || page.hasMore();
      boolean moreBefore = request.after() != null || (request.before() != null && page.hasMore());
      next = moreAfter ? link(Map.of("page[size]", sizeParam, "page[after]", lastCursor)) : null;
      prev = moreBefore ? link(Map.of("page[size]", sizeParam, "page[before]", firstCursor)) : null;
    }
    return new PageLinks(self, link(Map.of("page[size]", sizeParam)), prev, next, null);
  }

  private String link(Map<String, String> page) {
    StringBuilder link = new StringBuilder(path);
    char separator = '?';
    Map<String, String> parameters = new LinkedHashMap<>(kept);
    parameters.putAll(page);
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      link.append(separator)
          .append(encode(parameter.getKey()))
          .append('=')
          .append(encode(parameter.getValue()));
      separator = '&';
    }
    return link.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
