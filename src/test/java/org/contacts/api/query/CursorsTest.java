package org.contacts.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.Cursor;
import org.contacts.model.SortKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

  private static final String ID = "65a1b2c3d4e5f60718293a4b";
  private static final List<SortKey> CITY_THEN_NAME_DESC =
      List.of(SortKey.ascending("city"), new SortKey("lastName", true));

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cursorDecodesToThePositionItWasIssuedForIncludingMissingValues() {
    Contact contact = new Contact(new ContactId(ID), 4, Map.of("lastName", "Ölund & Sons/\"Co\""));

    Cursor cursor =
        Cursors.decode(Cursors.encode(contact, CITY_THEN_NAME_DESC), CITY_THEN_NAME_DESC);

    assertEquals(
        new Cursor(java.util.Arrays.asList(null, "Ölund & Sons/\"Co\""), ID),
        cursor,
        "sort values (null for the missing city) and id");
  }

  @Test
  void cursorIsUrlSafeText() {
    String cursor =
        Cursors.encode(
            new Contact(new ContactId(ID), 1, Map.of("city", "???>>>~~~")),
            List.of(SortKey.ascending("city")));

    assertTrue(
        cursor.matches("[A-Za-z0-9_-]+"), () -> "needs no escaping in a query string: " + cursor);
  }

  @Test
  void cursorIssuedForAnotherSortOrderIsRejected() {
    String cursor =
        Cursors.encode(
            new Contact(new ContactId(ID), 1, Map.of("city", "Austin")),
            List.of(SortKey.ascending("city")));

    for (List<SortKey> other :
        List.of(
            List.<SortKey>of(),
            List.of(new SortKey("city", true)),
            List.of(SortKey.ascending("state")),
            CITY_THEN_NAME_DESC)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> Cursors.decode(cursor, other),
          "not valid for " + other);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "%%%",
        "not a cursor",
        "bm90IGEgY3Vyc29y",
        "W10",
        "{'s':'city','v':['Austin'],'id':'nope'}",
        "{'s':'city','v':['Austin']}",
        "{'s':'city','v':[7],'id':'65a1b2c3d4e5f60718293a4b'}",
        "{'s':'city','v':'Austin','id':'65a1b2c3d4e5f60718293a4b'}",
        "{'s':'city','v':[],'id':'65a1b2c3d4e5f60718293a4b'}",
        "{'s':'city','v':['Austin','Boston'],'id':'65a1b2c3d4e5f60718293a4b'}",
        "{'s':1,'v':['Austin'],'id':'65a1b2c3d4e5f60718293a4b'}",
        "{'s':'city','v':['Austin'],'id':'65a1b2c3d4e5f60718293a4b'"
      })
  void garbageIsRejected(String text) {
    String cursor = text.startsWith("{") ? base64(text.replace('\'', '"')) : text;

    assertThrows(
        IllegalArgumentException.class,
        () -> Cursors.decode(cursor, List.of(SortKey.ascending("city"))),
        "not a cursor: " + text);
  }

  @Test
  void deeplyNestedCursorIsRejected() {
    String cursor =
        base64("{\"s\":\"city\",\"v\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}");

    assertThrows(
        IllegalArgumentException.class,
        () -> Cursors.decode(cursor, List.of(SortKey.ascending("city"))),
        "rejected as a bad cursor, not a StackOverflowError");
  }
}
