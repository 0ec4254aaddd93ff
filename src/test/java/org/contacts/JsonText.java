package org.contacts;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** JSON written in tests with single quotes, so that it reads as it would on the wire. */
public final class JsonText {

  private JsonText() {}

  /** {@code {'a': 1}} becomes {@code {"a": 1}}. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  public static JsonObject object(String singleQuoted) {
    try (JsonReader reader = Json.createReader(new StringReader(json(singleQuoted)))) {
      return reader.readObject();
    }
  }
}
