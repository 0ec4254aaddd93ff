package org.contacts.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * OPTIONS answers 204 with Allow and nothing else: JAX-RS's own answer carries the methods again as
 * a text/plain body. First of the response filters, so the request log sees the 204.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@Priority(Priorities.USER + 100)
public class OptionsResponseFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getMethod().equals(HttpMethod.OPTIONS) && response.getStatus() == 200) {
      response.setStatus(204);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      response.getHeaders().remove("Accept-Patch");
    }
  }
}
