package org.contacts.api.query;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.Cursor;
import org.contacts.model.SortKey;

/**
 * Cursors as clients see them: opaque base64url text holding the sort order they belong to and the
 * position (sort values and id) of one contact.
 */
final class Cursors {

  private Cursors() {}

  static String encode(Contact contact, List<SortKey> sort) {
    JsonArrayBuilder values = JsonBuilders.array();
    for (SortKey key : sort) {
      String value = contact.attribute(key.attribute());
      if (value == null) {
        values.addNull();
      } else {
        values.add(value);
      }
    }
    String json =
        JsonBuilders.object()
            .add("s", sortText(sort))
            .add("v", values)
            .add("id", contact.id().text())
            .build()
            .toString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalArgumentException when the text is not a cursor issued for this sort order
   */
  static Cursor decode(String text, List<SortKey> sort) {
    try (JsonReader reader =
        JsonBuilders.reader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8)))) {
      JsonObject cursor = reader.readObject();
      JsonArray values = cursor.getJsonArray("v");
      String id = cursor.getString("id");
      if (!cursor.getString("s").equals(sortText(sort))
          || values.size() != sort.size()
          || ContactId.parse(id).isEmpty()) {
        throw new IllegalArgumentException("cursor of another order");
      }
      List<String> strings = new ArrayList<>(values.size());
      for (JsonValue value : values) {
        strings.add(
            value.getValueType() == JsonValue.ValueType.NULL
                ? null
                : ((jakarta.json.JsonString) value).getString());
      }
      return new Cursor(strings, id);
    } catch (RuntimeException e) {
      // Text that does not read as our JSON is no cursor; Parsson reports too deep nesting with a
      // bare RuntimeException, the accessors a missing or mistyped member with NPE or ClassCast.
      throw new IllegalArgumentException("not a cursor", e);
    }
  }

  private static String sortText(List<SortKey> sort) {
    return sort.stream().map(SortKey::toString).collect(Collectors.joining(","));
  }
}
