package org.contacts.telemetry;

import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Counts and times the requests the API answered, by method, route template and status. */
final class RequestTimers {

  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("contacts.requests")
          .withDescription("Requests the contacts API answered, by method, route and status")
          .build();
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final TaggedTimers timers = new TaggedTimers(REQUESTS, "method", "route", "status");

  void record(MetricRegistry registry, String method, String route, int status, long nanos) {
    timers
        .get(registry, methodTag(method), route, Integer.toString(status))
        .update(Duration.ofNanos(nanos));
  }

  /**
   * The method as a metric tag: one of HTTP's own, or OTHER. A client may send any token as a
   * method, and each would otherwise become a timer of its own that lives as long as the server.
   */
  static String methodTag(String method) {
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
  }
}
