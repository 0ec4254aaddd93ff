package org.contacts.jsonapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The top-level links of a collection document. Null links are sent as JSON null, which tells a
 * client there is no such page. The links are absolute already.
 */
public record PageLinks(String self, String first, String prev, String next, String last) {

  JsonObject toJson(String base) {
    JsonObjectBuilder links = Documents.links(base, self);
    addOrNull(links, "first", first);
    addOrNull(links, "prev", prev);
    addOrNull(links, "next", next);
    addOrNull(links, "last", last);
    return links.build();
  }

  private static void addOrNull(JsonObjectBuilder links, String name, String value) {
    if (value == null) {
      links.addNull(name);
    } else {
      links.add(name, value);
    }
  }
}
