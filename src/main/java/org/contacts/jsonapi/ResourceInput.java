package org.contacts.jsonapi;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * What a client sent to create or change a resource, whichever form the body took: a JSON:API
 * document, or a bare object of attributes.
 *
 * @param type the {@code data.type} member, or null when the body was a bare object
 * @param id the client's id for the resource, or null when it gave none
 * @param attributes the attribute members as sent, not yet validated
 * @param attributesPointer the JSON pointer to the attributes object in the body
 */
public record ResourceInput(
    String type, String id, Map<String, JsonValue> attributes, String attributesPointer) {

  public String pointerTo(String attribute) {
    return attributesPointer + "/" + escape(attribute);
  }

  /** Escapes a member name as RFC 6901 requires inside a JSON pointer. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
