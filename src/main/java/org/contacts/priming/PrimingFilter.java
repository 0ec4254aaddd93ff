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

  private static final String PRIMING = PrimingFilter.class.getName();

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
      request.setProperty(PRIMING, Boolean.TRUE);
      Span span = Span.current();
      if (span.isRecording()) {
        span.setAttribute("contacts.priming", true); // sampled despite its trace context
      }
    }
  }

  /** Whether this filter found the request to be one of the service's priming requests. */
  public static boolean isPriming(ContainerRequestContext request) {
    return request.getProperty(PRIMING) != null;
  }
}
