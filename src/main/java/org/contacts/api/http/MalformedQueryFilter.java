package org.contacts.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URI;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/**
 * Keeps a query string that is not valid in a URI (a {@code %} without two hexadecimal digits, a
 * space, a {@code {}) away from RESTEasy, which builds each request's URI from it and, failing,
 * fails before any exception mapper runs: the client would get the container's 500 page with a
 * stack trace. The request goes on without its query, marked, and {@link ServletRefusalFilter}
 * refuses it with a 400 errors document like any other bad request. Registered by {@link
 * ServletFilters}.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
public class MalformedQueryFilter implements Filter {

  private static final ApiException MALFORMED =
      new ApiException(
          ErrorObject.of(
              400,
              "Malformed query string",
              "The query string is not valid in a URL: send a literal % as %25, and a space, {, |"
                  + " or any other character outside URL syntax percent-encoded as UTF-8."));

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String query = http.getQueryString();
    if (query == null || isValid(query)) {
      chain.doFilter(request, response);
      return;
    }
    ServletRefusalFilter.refuse(http, MALFORMED);
    chain.doFilter(
        new HttpServletRequestWrapper(http) {
          @Override
          public String getQueryString() {
            return null;
          }
        },
        response);
  }

  /** The test RESTEasy's own parsing makes, so that nothing it would refuse gets through. */
  static boolean isValid(String query) {
    try {
      URI.create("http://localhost/?" + query);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
