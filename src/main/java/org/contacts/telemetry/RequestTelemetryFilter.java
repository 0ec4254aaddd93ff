package org.contacts.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.contacts.health.ShutdownState;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Follows every request of the API from start to finish: gives it an id (the client's X-Request-Id
 * when it sent a sensible one), puts the id on every log line written while serving it, and when it
 * completes logs it once, counts and times it by route and status, and tells the client where the
 * time went (Server-Timing).
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 1000)
public class RequestTelemetryFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REQUEST_ID = "X-Request-Id";

  private static final Logger LOG = Logger.getLogger("org.contacts.requests");
  private static final Pattern SENSIBLE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  private static final String LOG_EXTENSION = "requestId";
  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("contacts.requests")
          .withDescription("Requests the contacts API answered, by method, route and status")
          .build();
  private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject ShutdownState shutdown;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    String given = request.getHeaderString(REQUEST_ID);
    String id =
        given != null && SENSIBLE_ID.matcher(given).matches()
            ? given
            : UUID.randomUUID().toString();
    RequestTelemetry.begin(id);
    LogRecordContext.addExtension(LOG_EXTENSION, id);
    shutdown.requestStarted();
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
      String method = request.getMethod();
      String route = route();
      response.getHeaders().putSingle(REQUEST_ID, telemetry.requestId());
      response
          .getHeaders()
          .putSingle("Server-Timing", serverTiming(telemetry.datastoreNanos(), nanos));
      registry
          .timer(
              REQUESTS,
              new Tag("method", method),
              new Tag("route", route),
              new Tag("status", Integer.toString(status)))
          .update(Duration.ofNanos(nanos));
      LOG.info(
          () ->
              method
                  + " "
                  + request.getUriInfo().getRequestUri().getRawPath()
                  + " "
                  + status
                  + " "
                  + nanos / 1_000
                  + "us requestId="
                  + telemetry.requestId());
    } finally {
      LogRecordContext.removeExtension(LOG_EXTENSION);
      RequestTelemetry.end();
      shutdown.requestFinished();
    }
  }

  /** The route template that matched, such as /contacts/{id}; "unmatched" when none did. */
  private String route() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return "unmatched";
    }
    return ROUTES.computeIfAbsent(method, RequestTelemetryFilter::template);
  }

  private static String template(Method method) {
    Path classPath = method.getDeclaringClass().getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    String route =
        "/"
            + (classPath == null ? "" : classPath.value())
            + (methodPath == null ? "" : "/" + methodPath.value());
    return route.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
  }

  private static String serverTiming(long datastoreNanos, long totalNanos) {
    return String.format(
        Locale.ROOT,
        "db;desc=\"MongoDB\";dur=%.3f, app;dur=%.3f",
        datastoreNanos / 1e6,
        totalNanos / 1e6);
  }
}
