package org.contacts.telemetry;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Each request's id: the client's X-Request-Id when it sent a sensible one, or a new one. */
final class RequestIds {

  static final String HEADER = "X-Request-Id";

  private static final Pattern SENSIBLE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

  private RequestIds() {}

  /** The id of a request whose X-Request-Id header is {@code given} (null when absent). */
  static String of(String given) {
    return given != null && SENSIBLE_ID.matcher(given).matches() ? given : newRequestId();
  }

  /**
   * A random version 4 UUID. The id only has to be unique, not unpredictable, so it comes from the
   * thread's own generator rather than from UUID.randomUUID(), whose SecureRandom all request
   * threads share (the profile showed them waiting on it).
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
