package org.contacts.telemetry;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template a request matched, such as /contacts/{id}, for metric tags: one value per
 * route however many ids clients send. Each resource method's template is worked out once.
 */
final class RouteTemplates {

  static final String UNMATCHED = "unmatched";

  private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

  private RouteTemplates() {}

  /** The template of the matched resource method; "unmatched" when none matched. */
  static String of(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return UNMATCHED;
    }
    return ROUTES.computeIfAbsent(method, RouteTemplates::template);
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
}
