package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids given to requests that bring none. */
class RequestIdsTest {

  @Test
  void generatedRequestIdsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.newRequestId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id + " is a random (version 4) UUID");
      assertEquals(2, uuid.variant(), id + " has the IETF variant");
      assertEquals(uuid.toString(), id, "in the canonical form");
      assertTrue(seen.add(id), "no id repeats: " + id);
    }
  }
}
