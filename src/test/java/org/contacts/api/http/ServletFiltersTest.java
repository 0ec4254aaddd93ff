package org.contacts.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.contacts.config.TestSettings;
import org.contacts.datastore.DatastoreTestSettings;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

/** Which servlet filters wrap every request, and in which order. */
class ServletFiltersTest {

  @Test
  void corsComesBeforeTheQueryCheckWhenOriginsAreAllowed() {
    assertEquals(
        List.of(
            "ReasonPhraseFilter /*",
            "CorsFilter /*",
            "MalformedQueryFilter /*",
            "AdmissionFilter /contacts/*"),
        registered(4, "http://localhost:4200"),
        "the reason phrase's wrapper, CORS, then the query check, each on every path; admission on"
            + " the contacts routes alone, so that the probes never wait in its line");
  }

  @Test
  void withNoOriginAllowedCorsIsNotRegistered() {
    assertEquals(
        List.of("ReasonPhraseFilter /*", "MalformedQueryFilter /*", "AdmissionFilter /contacts/*"),
        registered(4),
        "CORS off costs a request nothing");
  }

  @Test
  void withNoAdmissionLimitItsFilterIsNotRegistered() {
    assertEquals(
        List.of("ReasonPhraseFilter /*", "MalformedQueryFilter /*"),
        registered(0),
        "admission without a limit costs a request nothing");
  }

  /**
   * The filters ServletFilters adds with this admission per processor and these origins allowed, in
   * order, with their mapping.
   */
  private static List<String> registered(int admissionPerProcessor, String... origins) {
    List<String> added = new ArrayList<>();
    ServletContext context =
        proxy(
            ServletContext.class,
            (method, args) -> {
              if (!method.equals("addFilter")) {
                return null;
              }
              String name = (String) args[0];
              assertEquals(name, ((Filter) args[1]).getClass().getSimpleName(), "named by class");
              return proxy(
                  FilterRegistration.Dynamic.class,
                  (registrationMethod, registrationArgs) -> {
                    if (registrationMethod.equals("addMappingForUrlPatterns")) {
                      added.add(name + " " + String.join(" ", (String[]) registrationArgs[2]));
                    }
                    return null;
                  });
            });
    ServletFilters filters = new ServletFilters();
    filters.web = TestSettings.web(origins);
    filters.admission = TestSettings.admission(admissionPerProcessor, 500);
    filters.datastore = DatastoreTestSettings.of(2000, 64);
    filters.registry =
        proxy(
            MetricRegistry.class,
            (method, args) ->
                method.equals("counter")
                    ? proxy(Counter.class, (counterMethod, none) -> null)
                    : null);
    filters.contextInitialized(new ServletContextEvent(context));
    return added;
  }

  private interface Call {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> call.answer(method.getName(), args)));
  }
}
