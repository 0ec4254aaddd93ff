package org.contacts.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times as the service writes them: RFC 3339 in UTC with exactly three digits of milliseconds, so
 * that the text of two times orders as the times do (the datastore sorts and compares the text).
 */
public final class Rfc3339 {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Rfc3339() {}

  public static String text(Instant instant) {
    return FORMAT.format(instant);
  }

  /** The instant any RFC 3339 text names (any offset, any fraction), or empty. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.toUpperCase(), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
