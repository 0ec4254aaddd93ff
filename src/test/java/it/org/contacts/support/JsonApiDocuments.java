package it.org.contacts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a response body against the document structure of JSON:API 1.1: top-level members,
 * resource objects, links and error objects.
 */
public final class JsonApiDocuments {

  private static final Set<String> TOP_LEVEL =
      Set.of("data", "errors", "meta", "jsonapi", "links", "included");
  private static final Set<String> RESOURCE =
      Set.of("type", "id", "lid", "attributes", "relationships", "links", "meta");
  private static final Set<String> ERROR =
      Set.of("id", "links", "status", "code", "title", "detail", "source", "meta");
  // Member names: globally allowed characters at both ends, '-', '_' and ' ' only inside.
  private static final Pattern MEMBER_NAME =
      Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9_ -]*[a-zA-Z0-9])?$");

  private JsonApiDocuments() {}

  /**
   * @param strict whether the client asked for JSON:API, and so must get member names the spec
   *     allows (the original's clients get the {@code _id} attribute besides)
   */
  public static void assertValid(ApiResponse response, boolean strict) {
    String type = response.header("Content-Type");
    assertTrue(
        type != null && type.startsWith(Api.JSON_API),
        () -> "every response is " + Api.JSON_API + ", not " + type + ": " + response);
    JsonObject document = response.json();
    for (String member : document.keySet()) {
      assertTrue(
          TOP_LEVEL.contains(member),
          () -> "unknown top-level member " + member + " in " + document);
    }
    assertTrue(
        document.containsKey("data")
            || document.containsKey("errors")
            || document.containsKey("meta"),
        () -> "a document has data, errors or meta: " + document);
    assertFalse(
        document.containsKey("data") && document.containsKey("errors"),
        () -> "data and errors never appear together: " + document);
    assertEquals(
        "1.1",
        document.getJsonObject("jsonapi").getString("version"),
        "every document says its JSON:API version");
    if (document.containsKey("links")) {
      assertLinks(document.getJsonObject("links"));
    }
    if (document.containsKey("meta")) {
      assertEquals(
          JsonValue.ValueType.OBJECT, document.get("meta").getValueType(), "meta is an object");
    }
    if (document.containsKey("data")) {
      JsonValue data = document.get("data");
      switch (data.getValueType()) {
        case NULL -> {}
        case OBJECT -> assertResource(data.asJsonObject(), strict);
        case ARRAY ->
            data.asJsonArray().forEach(item -> assertResource(item.asJsonObject(), strict));
        default -> fail("data is null, a resource object or an array of them: " + document);
      }
    }
    if (document.containsKey("errors")) {
      assertFalse(document.getJsonArray("errors").isEmpty(), "an errors array is not empty");
      document
          .getJsonArray("errors")
          .forEach(error -> assertError(error.asJsonObject(), response.status()));
    }
  }

  private static void assertResource(JsonObject resource, boolean strict) {
    for (String member : resource.keySet()) {
      assertTrue(
          RESOURCE.contains(member), () -> "unknown resource member " + member + " in " + resource);
    }
    assertEquals(
        JsonValue.ValueType.STRING,
        resource.get("type").getValueType(),
        "a resource has a string type");
    assertEquals(
        JsonValue.ValueType.STRING,
        resource.get("id").getValueType(),
        "a resource has a string id");
    if (resource.containsKey("attributes")) {
      JsonObject attributes = resource.getJsonObject("attributes");
      for (String name : attributes.keySet()) {
        assertFalse(
            Set.of("type", "id", "links", "relationships").contains(name),
            "reserved attribute name " + name);
        if (strict) {
          assertTrue(
              MEMBER_NAME.matcher(name).matches(),
              () -> "attribute name not allowed by JSON:API: " + name);
        }
      }
    }
    if (resource.containsKey("links")) {
      assertLinks(resource.getJsonObject("links"));
    }
  }

  private static void assertLinks(JsonObject links) {
    links.forEach(
        (name, link) ->
            assertTrue(
                link.getValueType() == JsonValue.ValueType.STRING
                    || link.getValueType() == JsonValue.ValueType.NULL
                    || (link.getValueType() == JsonValue.ValueType.OBJECT
                        && link.asJsonObject().containsKey("href")),
                () -> "link " + name + " is a string, null or a link object: " + links));
  }

  private static void assertError(JsonObject error, int httpStatus) {
    for (String member : error.keySet()) {
      assertTrue(ERROR.contains(member), () -> "unknown error member " + member + " in " + error);
    }
    assertEquals(
        JsonValue.ValueType.STRING,
        error.get("status").getValueType(),
        "an error status is a string");
    int status = Integer.parseInt(error.getString("status"));
    assertTrue(status >= 400 && status < 600, "an error status is 4xx or 5xx");
    assertTrue(httpStatus >= 400, "errors come with an error status");
    if (error.containsKey("source")) {
      JsonObject source = error.getJsonObject("source");
      assertEquals(1, source.size(), () -> "a source names one thing: " + source);
      if (source.containsKey("pointer")) {
        String pointer = source.getString("pointer");
        assertTrue(
            pointer.isEmpty() || pointer.startsWith("/"),
            () -> "a pointer is a JSON pointer: " + pointer);
      }
    }
  }
}
