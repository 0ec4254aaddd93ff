package org.contacts.health;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts the requests in flight for the shutdown drain. It runs first on the way in and last on the
 * way out, so a request is counted for as long as the application serves it.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 2000)
public class DrainFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String COUNTED = DrainFilter.class.getName();

  @Inject ShutdownState shutdown;

  @Override
  public void filter(ContainerRequestContext request) {
    shutdown.requestStarted();
    request.setProperty(COUNTED, Boolean.TRUE);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(COUNTED) != null) {
      shutdown.requestFinished();
    }
  }
}
