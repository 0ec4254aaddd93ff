package org.contacts.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line for each request the API answered, on the logger org.contacts.requests, written by
 * {@link RequestLogWriter}.
 */
final class RequestLog {

  static final Logger LOG = Logger.getLogger("org.contacts.requests");
  static final Level LEVEL = Level.INFO;

  /**
   * The records name the filter as their source, as they always have. Naming it spares the logger
   * from walking the stack to find it, on every request.
   */
  static final String SOURCE = RequestTelemetryFilter.class.getName();

  private RequestLog() {}

  /** The request's line, or null when the logger is off. */
  static RequestLogWriter.Line of(
      ContainerRequestContext request, int status, long nanos, RequestTelemetry telemetry) {
    if (!LOG.isLoggable(LEVEL)) {
      return null;
    }
    String text =
        line(request.getMethod(), path(request), status, nanos, telemetry, caller(request));
    Span span = telemetry.span();
    return new RequestLogWriter.Line(
        text, telemetry.requestId(), span == null ? null : span.getSpanContext());
  }

  /**
   * The request's log line. The trace and span ids are in its text as well as in the JSON format's
   * fields, because the plain format shows no fields.
   */
  static String line(
      String method,
      String path,
      int status,
      long nanos,
      RequestTelemetry telemetry,
      String caller) {
    StringBuilder line =
        new StringBuilder(160)
            .append(method)
            .append(' ')
            .append(path)
            .append(' ')
            .append(status)
            .append(' ')
            .append(nanos / 1_000)
            .append("us requestId=")
            .append(telemetry.requestId());
    Span span = telemetry.span();
    if (span != null) {
      SpanContext trace = span.getSpanContext();
      line.append(" traceId=")
          .append(trace.getTraceId())
          .append(" spanId=")
          .append(trace.getSpanId());
    }
    if (caller != null) {
      line.append(" caller=").append(caller);
    }
    return line.toString();
  }

  /**
   * Who made the request, when a bearer token said so: the verified token's subject, never the
   * token itself; null when the request carried none.
   */
  private static String caller(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  /**
   * The path as the client sent it, percent-encoding kept. The application is served at the root,
   * so the path JAX-RS matched is the request's own; asking for the full request URI instead parses
   * a URI on every request.
   */
  private static String path(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    return path.startsWith("/") ? path : "/" + path;
  }
}
