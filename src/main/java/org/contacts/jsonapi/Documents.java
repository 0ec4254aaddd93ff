package org.contacts.jsonapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The shape of every JSON:API document the service sends: the jsonapi member, the links every
 * document carries, and where primary data or meta go. What a resource holds is its caller's.
 *
 * <p>Every link is absolute: {@code base} is the scheme, host, port (and any path prefix) that
 * clients reach the service at, without a trailing slash; {@code self} links arrive absolute.
 */
public final class Documents {

  static final JsonObject JSONAPI_OBJECT =
      JsonBuilders.object().add("version", JsonApi.VERSION).build();

  /** Where the API is described; every document links to it. */
  public static final String DESCRIBED_BY = "/openapi";

  private Documents() {}

  /** A document whose primary data is one resource object. */
  public static JsonObject single(String base, String self, JsonObject resource) {
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, self))
        .add("data", resource)
        .build();
  }

  /** A document whose primary data is a page of resource objects; meta may be null. */
  public static JsonObject collection(
      String base, PageLinks links, JsonObject meta, JsonArray resources) {
    JsonObjectBuilder document =
        JsonBuilders.object().add("jsonapi", JSONAPI_OBJECT).add("links", links.toJson(base));
    if (meta != null) {
      document.add("meta", meta);
    }
    return document.add("data", resources).build();
  }

  /** A document with only top-level meta, as a delete answers. */
  public static JsonObject meta(String base, String self, JsonObject meta) {
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, self))
        .add("meta", meta)
        .build();
  }

  /** A resource object with its own self link. */
  public static JsonObject resourceObject(
      String type, String id, JsonObject attributes, String self) {
    return resourceObject(type, id, attributes, JsonValue.EMPTY_JSON_OBJECT, self);
  }

  /** A resource object with meta, which is left out when empty. */
  public static JsonObject resourceObject(
      String type, String id, JsonObject attributes, JsonObject meta, String self) {
    JsonObjectBuilder resource =
        JsonBuilders.object().add("type", type).add("id", id).add("attributes", attributes);
    if (!meta.isEmpty()) {
      resource.add("meta", meta);
    }
    return resource.add("links", JsonBuilders.object().add("self", self)).build();
  }

  /** A resource object that names a resource and says something about it, without attributes. */
  public static JsonObject resourceIdentifier(String type, String id, JsonObject meta) {
    return JsonBuilders.object().add("type", type).add("id", id).add("meta", meta).build();
  }

  /** A document whose primary data is one resource of its own, such as a health report. */
  public static JsonObject resource(
      String base, String type, String id, String selfPath, JsonObject attributes) {
    String self = base + selfPath;
    return single(base, self, resourceObject(type, id, attributes, self));
  }

  /**
   * A document whose primary data is a resource with no address of its own, such as the report of
   * what one request did.
   */
  public static JsonObject unaddressed(String base, String type, String id, JsonObject attributes) {
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, null))
        .add(
            "data",
            JsonBuilders.object().add("type", type).add("id", id).add("attributes", attributes))
        .build();
  }

  /** The top-level links every document has: its own (when it has one) and the description. */
  static JsonObjectBuilder links(String base, String self) {
    JsonObjectBuilder links = JsonBuilders.object();
    if (self != null) {
      links.add("self", self);
    }
    return links.add("describedby", base + DESCRIBED_BY);
  }
}
