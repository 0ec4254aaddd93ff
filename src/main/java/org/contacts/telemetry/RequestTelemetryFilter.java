package org.contacts.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.contacts.priming.PrimingFilter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Follows every request of the API from start to finish: gives it an id (the client's X-Request-Id
 * when it sent a sensible one), puts the id (and, when tracing is on, the trace and span ids of
 * Liberty's server span) on every log line written while serving it, and when it completes logs it
 * once, counts and times it by route and status, marks the span of a failed one as an error, and
 * tells the client where the time went (Server-Timing).
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1000)
public class RequestTelemetryFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REQUEST_ID = "X-Request-Id";

  private static final Logger LOG = Logger.getLogger("org.contacts.requests");
  private static final String SOURCE = RequestTelemetryFilter.class.getName();
  private static final Pattern SENSIBLE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private static final String LOG_EXTENSION = "requestId";
  private static final String TRACE_EXTENSION = "traceId";
  private static final String SPAN_EXTENSION = "spanId";
  private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
  private static final Pattern QUERY_VALUE = Pattern.compile("=[^&]*");
  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("contacts.requests")
          .withDescription("Requests the contacts API answered, by method, route and status")
          .build();
  private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final TaggedTimers timers = new TaggedTimers(REQUESTS, "method", "route", "status");

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (PrimingFilter.isPriming(request)) {
      return; // the service warming itself: no request line, no metric (docs/operations.md)
    }
    String given = request.getHeaderString(REQUEST_ID);
    String id = given != null && SENSIBLE_ID.matcher(given).matches() ? given : newRequestId();
    // With tracing off the current span is Liberty's invalid one: one check, nothing allocated.
    Span span = Span.current();
    SpanContext trace = span.getSpanContext();
    boolean traced = trace.isValid();
    RequestTelemetry.begin(id, traced ? span : null);
    LogRecordContext.addExtension(LOG_EXTENSION, id);
    if (traced) {
      redactQuery(span, request.getUriInfo().getRequestUri().getRawQuery());
      LogRecordContext.addExtension(TRACE_EXTENSION, trace.getTraceId());
      LogRecordContext.addExtension(SPAN_EXTENSION, trace.getSpanId());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    RequestTelemetry telemetry = RequestTelemetry.current();
    if (telemetry == null) {
      return; // not one this filter began
    }
    try {
      long nanos = telemetry.elapsedNanos();
      int status = response.getStatus();
      String method = request.getMethod();
      String route = route();
      response.getHeaders().putSingle(REQUEST_ID, telemetry.requestId());
      response
          .getHeaders()
          .putSingle("Server-Timing", serverTiming(telemetry.datastoreNanos(), nanos));
      timers
          .get(registry, methodTag(method), route, Integer.toString(status))
          .update(Duration.ofNanos(nanos));
      Span span = telemetry.span();
      if (span != null && status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      // Naming the source spares the logger from walking the stack to find it, on every request.
      LOG.logp(
          Level.INFO,
          SOURCE,
          "filter",
          () -> requestLine(method, path(request), status, nanos, telemetry, caller(request)));
    } finally {
      LogRecordContext.removeExtension(LOG_EXTENSION);
      if (telemetry.span() != null) {
        LogRecordContext.removeExtension(TRACE_EXTENSION);
        LogRecordContext.removeExtension(SPAN_EXTENSION);
      }
      RequestTelemetry.end();
    }
  }

  /**
   * Who made the request, when a bearer token said so: the verified token's subject, never the
   * token itself; null when the request carried none.
   */
  private static String caller(ContainerRequestContext request) {
    java.security.Principal principal = request.getSecurityContext().getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  /**
   * Liberty's server span records the query string, and a search's query holds what a contact is
   * searched by (a name, an email): personal data, which spans do not carry. The names of the
   * parameters stay, their values go.
   */
  private static void redactQuery(Span span, String query) {
    if (query != null) {
      span.setAttribute(URL_QUERY, redacted(query));
    }
  }

  static String redacted(String query) {
    return QUERY_VALUE.matcher(query).replaceAll("=REDACTED");
  }

  /**
   * The request's log line. The trace and span ids are in its text as well as in the JSON format's
   * fields, because the plain format shows no fields.
   */
  static String requestLine(
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
   * The path as the client sent it, percent-encoding kept. The application is served at the root,
   * so the path JAX-RS matched is the request's own; asking for the full request URI instead parses
   * a URI on every request.
   */
  private static String path(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    return path.startsWith("/") ? path : "/" + path;
  }

  /**
   * The method as a metric tag: one of HTTP's own, or OTHER. A client may send any token as a
   * method, and each would otherwise become a timer of its own that lives as long as the server.
   */
  static String methodTag(String method) {
    return KNOWN_METHODS.contains(method) ? method : "OTHER";
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

  /** The route template that matched, such as /contacts/{id}; "unmatched" when none did. */
  private String route() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return "unmatched";
    }
    return ROUTES.computeIfAbsent(method, RequestTelemetryFilter::template);
  }

  private static String template(Method method) {
    Path classPath = method.getDeclaringClass().getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    String route =
        "/"
            + (classPath == null ? "" : classPath.value())
            + (methodPath == null ? "" : "/" + methodPath.value());
    return route.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
  }

  static String serverTiming(long datastoreNanos, long totalNanos) {
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
