package org.contacts.api.http;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/**
 * Answers 400 to a request whose query string {@link MalformedQueryFilter} took away as not valid
 * in a URI, before anything reads the request: the servlet filter can only mark it, since the
 * errors document is written on the JAX-RS side.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 300)
public class MalformedQueryRefusalFilter implements ContainerRequestFilter {

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (servletRequest.getAttribute(MalformedQueryFilter.MARK) != null) {
      throw new ApiException(
          ErrorObject.of(
              400,
              "Malformed query string",
              "The query string is not valid in a URL: send a literal % as %25, and a space, {, |"
                  + " or any other character outside URL syntax percent-encoded as UTF-8."));
    }
  }
}
