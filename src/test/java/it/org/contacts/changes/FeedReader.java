package it.org.contacts.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the change feed, as a JSON:API client keeps a copy: it follows {@code links.next} and
 * applies each resource to its copy, the newer version winning.
 */
final class FeedReader {

  /** At most this many pages in one read, so that a broken feed ends the test. */
  private static final int MAX_PAGES = 1_000;

  private final Map<String, Long> copy = new HashMap<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private String next;

  FeedReader(String start) {
    this.next = start;
  }

  String next() {
    return next;
  }

  /** The resources read so far, in order. */
  List<JsonObject> seen() {
    return seen;
  }

  /** Every contact the copy holds, and its version. */
  Map<String, Long> copy() {
    return Map.copyOf(copy);
  }

  /** Reads one page and says whether it reached the present. */
  boolean readPage() {
    ApiResponse page = Api.getJsonApi(relative(next));
    assertEquals(200, page.status(), () -> "a feed page: " + page);
    for (JsonValue value : page.json().getJsonArray("data")) {
      apply(value.asJsonObject());
    }
    next = page.json().getJsonObject("links").getString("next");
    return page.json().getJsonObject("meta").getBoolean("caughtUp");
  }

  /** Reads pages until one reaches the present, doing something between two pages. */
  void readUntilCaughtUp(Runnable betweenPages) {
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      if (readPage()) {
        return;
      }
      betweenPages.run();
    }
    throw new AssertionError("the feed never caught up in " + MAX_PAGES + " pages");
  }

  private void apply(JsonObject resource) {
    seen.add(resource);
    String id = resource.getString("id");
    JsonObject meta = resource.getJsonObject("meta");
    long version = meta.getJsonNumber("version").longValue();
    if (meta.getBoolean("deleted", false)) {
      if (copy.getOrDefault(id, 0L) <= version) {
        copy.remove(id);
      }
    } else if (copy.getOrDefault(id, 0L) <= version) {
      copy.put(id, version);
    }
  }

  /** Every contact of the collection now, and its version, read page by page. */
  static Map<String, Long> collection() {
    Map<String, Long> contacts = new HashMap<>();
    String path = "/contacts?page%5Bsize%5D=100";
    for (int pages = 0; path != null && pages < MAX_PAGES; pages++) {
      ApiResponse page = Api.getJsonApi(path);
      assertEquals(200, page.status(), () -> "a page of contacts: " + page);
      for (JsonValue value : page.json().getJsonArray("data")) {
        JsonObject contact = value.asJsonObject();
        contacts.put(
            contact.getString("id"),
            contact.getJsonObject("meta").getJsonNumber("version").longValue());
      }
      JsonValue nextLink = page.json().getJsonObject("links").get("next");
      path =
          nextLink == null || nextLink.getValueType() == JsonValue.ValueType.NULL
              ? null
              : relative(((jakarta.json.JsonString) nextLink).getString());
    }
    return contacts;
  }

  static String relative(String link) {
    String base = Api.BASE.toString();
    return link.startsWith(base) ? link.substring(base.length()) : link;
  }
}
