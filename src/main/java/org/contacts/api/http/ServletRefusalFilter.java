package org.contacts.api.http;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.contacts.jsonapi.ApiException;

/**
 * Answers a request that a servlet filter refused ({@link MalformedQueryFilter}, {@link
 * AdmissionFilter}), before anything reads it: a servlet filter can only mark the request, since
 * errors documents are written on the JAX-RS side, through the one error door.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 300)
public class ServletRefusalFilter implements ContainerRequestFilter {

  private static final String REFUSAL = ServletRefusalFilter.class.getName() + ".refusal";

  @Context HttpServletRequest servletRequest;

  /** Marks the request to be answered with this refusal; the first refusal marked stands. */
  static void refuse(ServletRequest request, ApiException refusal) {
    if (!isRefused(request)) {
      request.setAttribute(REFUSAL, refusal);
    }
  }

  static boolean isRefused(ServletRequest request) {
    return request.getAttribute(REFUSAL) != null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (servletRequest.getAttribute(REFUSAL) instanceof ApiException refusal) {
      throw refusal;
    }
  }
}
