package org.contacts.telemetry;

/** Tells the client where a request's time went: in MongoDB, and in all. */
final class ServerTiming {

  static final String HEADER = "Server-Timing";

  private ServerTiming() {}

  static String of(long datastoreNanos, long totalNanos) {
    StringBuilder header = new StringBuilder(48).append("db;desc=\"MongoDB\";dur=");
    appendMillis(header, datastoreNanos).append(", app;dur=");
    return appendMillis(header, totalNanos).toString();
  }

  /** Milliseconds with three decimals, without String.format's parsing on every request. */
  private static StringBuilder appendMillis(StringBuilder text, long nanos) {
    long micros = Math.max(0, Math.round(nanos / 1_000.0));
    long fraction = micros % 1_000;
    text.append(micros / 1_000).append('.');
    if (fraction < 100) {
      text.append(fraction < 10 ? "00" : "0");
    }
    return text.append(fraction);
  }
}
