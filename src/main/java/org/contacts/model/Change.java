package org.contacts.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who made a write and when: the service's clock, to the millisecond, and the subject of the
 * caller's token (null when the service runs without tokens).
 */
public record Change(Instant at, String by) {

  public Change {
    at = at.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A write made now by this subject (or null). */
  public static Change now(String by) {
    return new Change(Instant.now(), by);
  }
}
