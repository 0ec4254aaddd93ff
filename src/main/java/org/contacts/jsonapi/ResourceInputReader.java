package org.contacts.jsonapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Reads a request body into a {@link ResourceInput}, refusing anything that is not a well-formed
 * resource document with a 400 (or 413 when it is too large) before any of it reaches the domain.
 */
public final class ResourceInputReader {

  private static final Set<String> DATA_MEMBERS =
      Set.of("type", "id", "lid", "attributes", "relationships", "links", "meta");
  private static final Set<String> TOP_LEVEL_MEMBERS = Set.of("data", "meta", "jsonapi", "links");

  private final long maxBytes;
  private final String resources;

  /**
   * @param maxBytes the largest body read
   * @param resources what the resources read are called at the start of a sentence ("Articles"),
   *     for error details
   */
  public ResourceInputReader(long maxBytes, String resources) {
    this.maxBytes = maxBytes;
    this.resources = resources;
  }

  public ResourceInput read(InputStream body) {
    JsonObject object = parseObject(decode(readBounded(body)));
    return object.containsKey("data") ? fromDocument(object) : fromBareObject(object);
  }

  private byte[] readBounded(InputStream body) {
    try {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw malformed("The request body could not be read: " + e.getMessage(), "");
    }
  }

  public static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        ErrorObject.of(
            413,
            "Request body too large",
            "The request body is larger than the " + maxBytes + " bytes this service accepts."));
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed("The request body is not valid UTF-8.", "");
    }
  }

  private static JsonObject parseObject(String text) {
    if (text.isBlank()) {
      throw malformed("The request body is empty; send a JSON object.", "");
    }
    JsonValue value;
    try (JsonReader reader = JsonBuilders.reader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new ApiException(
          ErrorObject.of(
              400, "Malformed JSON", "The request body is not valid JSON: " + e.getMessage()));
    } catch (RuntimeException e) {
      // The parser refuses hostile input, such as nesting deeper than it allows, with a plain
      // RuntimeException; whatever the parser of a client's bytes throws is the client's error.
      throw new ApiException(
          ErrorObject.of(
              400,
              "Malformed JSON",
              "The request body could not be parsed: " + e.getMessage() + "."));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed("The request body must be a JSON object, not " + describe(value) + ".", "");
    }
    return value.asJsonObject();
  }

  private ResourceInput fromDocument(JsonObject document) {
    for (String member : document.keySet()) {
      if (!TOP_LEVEL_MEMBERS.contains(member)) {
        throw malformed(
            "A resource document may not have a top-level \"" + member + "\" member.",
            "/" + member);
      }
    }
    JsonValue data = document.get("data");
    if (data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed("\"data\" must be a resource object, not " + describe(data) + ".", "/data");
    }
    JsonObject resource = data.asJsonObject();
    for (String member : resource.keySet()) {
      if (!DATA_MEMBERS.contains(member)) {
        throw malformed(
            "A resource object may not have a \"" + member + "\" member.", "/data/" + member);
      }
    }
    if (resource.containsKey("relationships")) {
      throw malformed(resources + " have no relationships.", "/data/relationships");
    }
    String type = requiredString(resource, "type", "/data/type");
    String id = optionalString(resource, "id", "/data/id");
    JsonValue attributes = resource.getOrDefault("attributes", JsonValue.EMPTY_JSON_OBJECT);
    if (attributes.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed(
          "\"attributes\" must be an object, not " + describe(attributes) + ".",
          "/data/attributes");
    }
    return new ResourceInput(
        type, id, new LinkedHashMap<>(attributes.asJsonObject()), "/data/attributes");
  }

  /** A bare object is the attributes alone; whether one of them names the id is the caller's. */
  private static ResourceInput fromBareObject(JsonObject object) {
    return new ResourceInput(null, null, new LinkedHashMap<>(object), "");
  }

  private static String requiredString(JsonObject object, String member, String pointer) {
    String value = optionalString(object, member, pointer);
    if (value == null) {
      throw malformed("A resource object must have a \"" + member + "\" member.", pointer);
    }
    return value;
  }

  private static String optionalString(JsonObject object, String member, String pointer) {
    JsonValue value = object.get(member);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw malformed("\"" + member + "\" must be a string, not " + describe(value) + ".", pointer);
    }
    return ((JsonString) value).getString();
  }

  /** A 400 for a body that is no well-formed document, pointing at the member at fault. */
  public static ApiException malformed(String detail, String pointer) {
    ErrorObject error = ErrorObject.of(400, "Malformed request document", detail);
    return new ApiException(pointer.isEmpty() ? error : error.atPointer(pointer));
  }

  /** Names a JSON value's kind for an error detail. */
  public static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
