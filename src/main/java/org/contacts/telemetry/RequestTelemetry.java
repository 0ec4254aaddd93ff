package org.contacts.telemetry;

import io.opentelemetry.api.trace.Span;

/**
 * What is known about the request this thread serves: its id, when it began and how long it has
 * spent waiting for MongoDB. The sync driver reports commands on the calling thread, so the time is
 * summed where it is spent.
 */
public final class RequestTelemetry {

  /**
   * The request attribute that holds when (System.nanoTime) a request began to wait in a line
   * before JAX-RS took it, as the admission line's requests do; the request's time starts there.
   */
  public static final String WAITING_SINCE = RequestTelemetry.class.getName() + ".waitingSince";

  /**
   * The request property that keeps a request out of the request lines and the request metrics, set
   * by whoever knows it is the service's own (priming); its value is Boolean.TRUE.
   */
  public static final String UNCOUNTED = RequestTelemetry.class.getName() + ".uncounted";

  private static final ThreadLocal<RequestTelemetry> CURRENT = new ThreadLocal<>();

  private final String requestId;
  private final long startNanos;
  private final Span span;
  private long datastoreNanos;

  private RequestTelemetry(String requestId, long startNanos, Span span) {
    this.requestId = requestId;
    this.startNanos = startNanos;
    this.span = span;
  }

  /**
   * Begins a request; span is Liberty's server span when tracing is on, null when it is off, and
   * startNanos when its time starts, earlier than now for one that waited in a line.
   */
  static RequestTelemetry begin(String requestId, Span span, long startNanos) {
    RequestTelemetry telemetry = new RequestTelemetry(requestId, startNanos, span);
    CURRENT.set(telemetry);
    return telemetry;
  }

  /** The request on this thread, or null outside one. */
  static RequestTelemetry current() {
    return CURRENT.get();
  }

  static void end() {
    CURRENT.remove();
  }

  /** Adds time spent in a datastore command to the request served on this thread, if any. */
  static void addDatastoreTime(long nanos) {
    RequestTelemetry telemetry = CURRENT.get();
    if (telemetry != null) {
      telemetry.datastoreNanos += nanos;
    }
  }

  String requestId() {
    return requestId;
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** The server span of the request, or null when tracing is off. */
  Span span() {
    return span;
  }

  long datastoreNanos() {
    return datastoreNanos;
  }
}
