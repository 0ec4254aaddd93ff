package org.contacts.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.contacts.model.FeedCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorsTest {

  private final FeedCursors cursors = new FeedCursors("test-key");

  @Test
  void aCursorReadsBackAsItWasIssued() {
    for (FeedCursor cursor :
        new FeedCursor[] {
          new FeedCursor.FullRead("t1700000000.0", null),
          new FeedCursor.FullRead("r82ab", "65a1b2c3d4e5f60718293a4b"),
          new FeedCursor.Changes("r82ab")
        }) {
      assertEquals(cursor, cursors.decode(cursors.encode(cursor)), "round trip of " + cursor);
    }
  }

  @Test
  void aCursorSignedWithAnotherKeyOrAlteredIsRefused() {
    String issued = cursors.encode(new FeedCursor.Changes("r82ab"));
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"p\":\"r00\"}".getBytes(StandardCharsets.UTF_8));

    assertThrows(
        IllegalArgumentException.class,
        () -> new FeedCursors("another-key").decode(issued),
        "another key");
    assertThrows(
        IllegalArgumentException.class,
        () -> cursors.decode(otherPayload + issued.substring(issued.indexOf('.'))),
        "another position under the same signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "abc", "abc.def", "e30.AAAA", "%%%.***"})
  void textTheServiceNeverIssuedIsRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> cursors.decode(text), text);
  }
}
