package org.contacts.priming;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.contacts.telemetry.RequestTelemetry;

/**
 * Tells the service's own priming requests apart, before the request telemetry sees them, so that
 * they are neither logged as request lines nor counted in the request metrics. It decides nothing
 * else: authentication and every other check treat a priming request as any other. The marker's
 * header is taken off every request, so nothing after this filter sees its value.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1500)
public class PrimingFilter implements ContainerRequestFilter {

  @Inject PrimingMarker marker;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String value = request.getHeaderString(PrimingMarker.HEADER);
    if (value == null) {
      return;
    }
    request.getHeaders().remove(PrimingMarker.HEADER);
    if (marker.marks(value, servletRequest.getRemoteAddr())) {
      request.setProperty(RequestTelemetry.UNCOUNTED, Boolean.TRUE);
      Span span = Span.current();
      if (span.isRecording()) {
        span.setAttribute("contacts.priming", true); // sampled despite its trace context
      }
    }
  }
}
