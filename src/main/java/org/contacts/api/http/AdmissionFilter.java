package org.contacts.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.telemetry.RequestTelemetry;

/**
 * Lets a bounded number of contacts requests be at work at once, a few per processor, and queues
 * the next ones in arrival order for a moment. Two cores share their time better between eight
 * requests than between the eighty request threads that issue 20's probes need: fewer threads
 * runnable at once means fewer stalls on the container's own locks and less switching
 * (BENCHMARKS.md). A request still in line after the moment is refused with a 503 "overloaded" and
 * Retry-After. A request that waits says since when, so that its time in the request line, metrics
 * and Server-Timing includes the wait.
 *
 * <p>Exports, imports and the change feed stay outside the line: each holds its request for seconds
 * or minutes and would keep the short requests waiting. The datastore's own bulkhead still bounds
 * them. Mapped to {@code /contacts/*} by {@link ServletFilters}, so the probes never queue.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
public class AdmissionFilter implements Filter {

  private static final String CHANGE_FEED = "/contacts/changes";

  private final Semaphore places;
  private final int limit;
  private final long queueTimeoutMillis;
  private final ApiException overloaded;
  private final Runnable refusals;

  /**
   * @param limit requests at work at once
   * @param queueTimeoutMillis how long a request waits in line before it is refused
   * @param retryAfterSeconds the refusal's Retry-After
   * @param refusals counts each refusal
   */
  public AdmissionFilter(
      int limit, long queueTimeoutMillis, int retryAfterSeconds, Runnable refusals) {
    this.places = new Semaphore(limit, true);
    this.limit = limit;
    this.queueTimeoutMillis = queueTimeoutMillis;
    this.refusals = refusals;
    String retryAfter = Integer.toString(retryAfterSeconds);
    this.overloaded =
        new ApiException(
            ErrorObject.of(
                    503,
                    "Service is overloaded",
                    limit
                        + " requests are in progress, as many as the service works on at once, and"
                        + " this one waited "
                        + queueTimeoutMillis
                        + " ms in line for a place; try again in "
                        + retryAfter
                        + " seconds.")
                // The datastore gate's code for a full bulkhead: to a client both say "busy".
                .withCode(Kind.OVERLOADED.tag()),
            Map.of(HttpHeaders.RETRY_AFTER, retryAfter));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (ServletRefusalFilter.isRefused(http) || isLong(http)) {
      chain.doFilter(request, response);
      return;
    }
    if (!enter(http)) {
      refusals.run();
      ServletRefusalFilter.refuse(http, overloaded);
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.release();
    }
  }

  /** Requests at work now, for tests. */
  int atWork() {
    return limit - places.availablePermits();
  }

  private boolean enter(HttpServletRequest request) {
    try {
      // Not tryAcquire(), which would pass ahead of those already in line.
      if (places.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        return true;
      }
      request.setAttribute(RequestTelemetry.WAITING_SINCE, System.nanoTime());
      return places.tryAcquire(queueTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An export, an import or the change feed: named by its path or its media types alone. */
  private static boolean isLong(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(CHANGE_FEED)
        || namesExchangeType(request.getHeaders(HttpHeaders.ACCEPT))
        || namesExchangeType(request.getHeaders(HttpHeaders.CONTENT_TYPE));
  }

  private static boolean namesExchangeType(Enumeration<String> values) {
    while (values != null && values.hasMoreElements()) {
      String value = values.nextElement().toLowerCase(Locale.ROOT);
      if (value.contains("text/csv") || value.contains("text/vcard")) {
        return true;
      }
    }
    return false;
  }
}
