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
import org.junit.jupiter.api.Test;

/** Which servlet filters wrap every request, and in which order. */
class ServletFiltersTest {

  @Test
  void corsComesBeforeTheQueryCheckWhenOriginsAreAllowed() {
    assertEquals(
        List.of("ReasonPhraseFilter /*", "CorsFilter /*", "MalformedQueryFilter /*"),
        registered("http://localhost:4200"),
        "the reason phrase's wrapper, CORS, then the query check, each on every path");
  }

  @Test
  void withNoOriginAllowedCorsIsNotRegistered() {
    assertEquals(
        List.of("ReasonPhraseFilter /*", "MalformedQueryFilter /*"),
        registered(),
        "CORS off costs a request nothing");
  }

  /** The filters ServletFilters adds with these origins allowed, in order, with their mapping. */
  private static List<String> registered(String... origins) {
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
