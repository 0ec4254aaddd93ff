package it.org.contacts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No route sets a cookie: the service keeps no HTTP session, and a cookie on /metrics made every
 * scraper's first request an HTTP session. A server of its own, because MicroProfile Metrics asks
 * for a session on the first request to /metrics after a start, which the shared server may have
 * served to another test already.
 */
class NoCookieIT {

  /** Routes of every family, metrics first, and the status each answers. */
  private static final Map<String, Integer> ROUTES = new LinkedHashMap<>();

  static {
    ROUTES.put("/metrics", 200);
    ROUTES.put("/metrics?scope=application", 200);
    ROUTES.put("/contacts", 200);
    ROUTES.put("/contacts/5f8f8c44b54764421b7156c3", 404);
    ROUTES.put("/health", 200);
    ROUTES.put("/health/live", 200);
    ROUTES.put("/health/ready", 200);
    ROUTES.put("/health/started", 200);
    ROUTES.put("/readiness", 200);
    ROUTES.put("/ping", 200);
    ROUTES.put("/openapi", 200);
    ROUTES.put("/openapi/ui/", 200);
  }

  @Test
  void noRouteSetsACookieNotEvenTheFirstScrapeOfMetrics() {
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-cookies", Map.of("MONGO_URI", TestDatastore.connectionString()))) {
      ROUTES.forEach(
          (route, status) -> {
            ApiResponse response = Api.sendUnchecked(server.request(route).build());
            assertEquals(status, response.status(), () -> route + " answers: " + response);
            assertNoCookie(route, response);
          });
      ApiResponse created =
          Api.send(
              server
                  .request("/contacts")
                  .header("Content-Type", Api.JSON_API)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Api.document(Map.of("firstName", "Ada", "lastName", "Lovelace"))))
                  .build());
      assertEquals(201, created.status(), () -> "a write: " + created);
      assertNoCookie("POST /contacts", created);
      String id = created.data().getString("id");
      assertNoCookie(
          "DELETE /contacts/" + id, Api.send(server.request("/contacts/" + id).DELETE().build()));
    }
  }

  private static void assertNoCookie(String route, ApiResponse response) {
    assertEquals(
        List.of(),
        response.headers().allValues("Set-Cookie"),
        () -> route + " sets no cookie (status " + response.status() + ")");
  }
}
