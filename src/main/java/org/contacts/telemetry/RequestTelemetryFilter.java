package org.contacts.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Follows every request of the API from start to finish, and only strings together the classes that
 * each do one part: {@link RequestIds} gives it an id, {@link LogContext} puts that id (and the
 * trace ids when tracing is on) on its log lines, {@link TracedQueries} keeps personal data out of
 * its span; when it completes, {@link RequestTimers} counts it by {@link RouteTemplates route},
 * {@link ServerTiming} tells the client where the time went, {@link RequestLog} logs it once (from
 * {@link RequestLogWriter}'s thread), and a failed one marks its span as an error. Its place in the
 * pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1000)
public class RequestTelemetryFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private final RequestTimers timers = new RequestTimers();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject RequestLogWriter log;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(RequestTelemetry.UNCOUNTED) != null) {
      return; // the service warming itself: no request line, no metric (docs/operations.md)
    }
    String id = RequestIds.of(request.getHeaderString(RequestIds.HEADER));
    // With tracing off the current span is Liberty's invalid one: one check, nothing allocated.
    Span span = Span.current();
    SpanContext trace = span.getSpanContext();
    boolean traced = trace.isValid();
    // A wait in the admission line is part of the request's time, as its client lived it.
    RequestTelemetry.begin(
        id,
        traced ? span : null,
        request.getProperty(RequestTelemetry.WAITING_SINCE) instanceof Long since
            ? since
            : System.nanoTime());
    LogContext.begin(id, traced ? trace : null);
    if (traced) {
      TracedQueries.redact(span, request.getUriInfo().getRequestUri().getRawQuery());
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
      response.getHeaders().putSingle(RequestIds.HEADER, telemetry.requestId());
      response
          .getHeaders()
          .putSingle(ServerTiming.HEADER, ServerTiming.of(telemetry.datastoreNanos(), nanos));
      timers.record(registry, request.getMethod(), RouteTemplates.of(resource), status, nanos);
      Span span = telemetry.span();
      if (span != null && status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      RequestLogWriter.Line line = RequestLog.of(request, status, nanos, telemetry);
      if (line != null) {
        log.write(line);
      }
    } finally {
      LogContext.end(telemetry.span() != null);
      RequestTelemetry.end();
    }
  }
}
