package org.contacts.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;

/**
 * CORS for the origins in contacts.cors.allowed-origins, on every route of the application.
 * Liberty's own {@code <cors>} element sends no {@code Vary: Origin}, so a shared cache could hand
 * one origin's answer to another (docs/browser-clients.md). With no origins configured it is not
 * registered at all ({@link ServletFilters}). A servlet filter rather than a JAX-RS one, so that
 * preflights are answered before any resource is matched and the headers are on every response,
 * errors included.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
public class CorsFilter implements Filter {

  static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id";
  static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id, Server-Timing";

  /** How long a browser may reuse a preflight's answer, in seconds. */
  static final String MAX_AGE = "600";

  private final Set<String> origins;

  /** With the origins allowed, never empty: with none, the filter is not registered. */
  CorsFilter(Set<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  @Override
  public void doFilter(
      ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    response.addHeader("Vary", "Origin");
    String origin = request.getHeader("Origin");
    if (origin == null || !origins.contains(origin)) {
      chain.doFilter(request, new VaryingByOrigin(response));
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (isPreflight(request)) {
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", MAX_AGE);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    chain.doFilter(request, new VaryingByOrigin(response));
  }

  private static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  /** Keeps Origin in Vary when JAX-RS sets the header (to Accept) after this filter. */
  private static final class VaryingByOrigin extends HttpServletResponseWrapper {

    VaryingByOrigin(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, "Vary".equalsIgnoreCase(name) ? value + ", Origin" : value);
    }
  }
}
