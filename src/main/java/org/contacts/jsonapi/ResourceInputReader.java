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
import java.util.Map;
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

  public ResourceInputReader(long maxBytes) {
    this.maxBytes = maxBytes;
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

  private static ResourceInput fromDocument(JsonObject document) {
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
      throw malformed("Contacts have no relationships.", "/data/relationships");
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

  /** The original service's clients send the attributes alone, with the id, if any, as _id. */
  private static ResourceInput fromBareObject(JsonObject object) {
    Map<String, JsonValue> attributes = new LinkedHashMap<>(object);
    JsonValue legacyId = attributes.remove("_id");
    String id = null;
    if (legacyId != null && legacyId.getValueType() != JsonValue.ValueType.NULL) {
      if (legacyId.getValueType() != JsonValue.ValueType.STRING) {
        throw malformed("\"_id\" must be a string.", "/_id");
      }
      id = ((JsonString) legacyId).getString();
    }
    return new ResourceInput(null, id, attributes, "");
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

  private static ApiException malformed(String detail, String pointer) {
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
