package it.org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Request ids, request logs, Server-Timing and Prometheus metrics, as an operator sees them. */
class TelemetryIT extends DeployedServiceBase {

  private static final Path LOG = Path.of(System.getProperty("it.server.log"));

  private static String log() {
    try {
      return Files.readString(LOG, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void clientRequestIdIsEchoedAndLoggedWithTheRequest() {
    String requestId = "test-" + UUID.randomUUID();
    ApiResponse response = Api.get("/contacts/5f8f8c44b54764421b7156c3", "X-Request-Id", requestId);
    assertEquals(404, response.status(), "an unknown contact");
    assertEquals(requestId, response.header("X-Request-Id"), "the client's id comes back");
    Pattern line =
        Pattern.compile(
            "GET /contacts/5f8f8c44b54764421b7156c3 404 \\d+us requestId="
                + Pattern.quote(requestId)
                + "$",
            Pattern.MULTILINE);
    Eventually.await(
        "the request is logged once it completes, naming no trace while tracing is off",
        Duration.ofSeconds(10),
        () -> line.matcher(log()).find());
  }

  @Test
  void requestWithoutIdGetsOneAndHostileIdsAreReplaced() {
    String generated = Api.get("/ping").header("X-Request-Id");
    assertTrue(
        generated != null && generated.length() >= 16, () -> "an id is generated: " + generated);
    String hostile = "evil\tid\u0007" + "x".repeat(300);
    String replaced =
        Api.send(Api.request("/ping").header("X-Request-Id", "a b").build()).header("X-Request-Id");
    assertNotEquals("a b", replaced, "an id with spaces is not echoed into logs");
    assertFalse(hostile.equals(replaced), "nor a hostile one");
  }

  @Test
  void serverTimingSaysWhereTheTimeWent() {
    String id = Api.createContact(Map.of("firstName", "Timing", "lastName", "Test"));
    try {
      String timing = Api.get("/contacts/" + id).header("Server-Timing");
      assertTrue(
          timing != null && timing.matches("db;desc=\"MongoDB\";dur=[0-9.]+, app;dur=[0-9.]+"),
          () -> "Server-Timing: " + timing);
      double db =
          Double.parseDouble(timing.replaceAll(".*db;desc=\"MongoDB\";dur=([0-9.]+).*", "$1"));
      double app = Double.parseDouble(timing.replaceAll(".*app;dur=([0-9.]+).*", "$1"));
      assertTrue(db > 0 && db <= app, () -> "MongoDB time is part of the total: " + timing);
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void healthProbesAreNotLogged() {
    for (int i = 0; i < 3; i++) {
      Api.getUnchecked("/health/ready");
    }
    String marker = "marker-" + UUID.randomUUID();
    Api.get("/ping", "X-Request-Id", marker);
    Eventually.await(
        "a later request is logged", Duration.ofSeconds(10), () -> log().contains(marker));
    assertFalse(log().contains(" /health/"), "probes leave no request log lines");
  }

  @Test
  void prometheusMetricsCountRequestsByRouteAndStatusAndTimeTheDatastore() {
    Api.get("/contacts/5f8f8c44b54764421b7156c3");
    ApiResponse metrics = Api.getUnchecked("/metrics?scope=application");
    assertEquals(200, metrics.status(), "metrics are served without credentials");
    String text = metrics.body();
    assertTrue(
        Pattern.compile(
                "contacts_requests_seconds_count\\{[^}]*route=\"/contacts/\\{id\\}\"[^}]*status=\"404\"")
            .matcher(text)
            .find(),
        () -> "requests by route and status:\n" + text);
    assertTrue(
        text.contains("contacts_datastore_operations_seconds_count{"),
        "datastore operation timings");
    assertTrue(text.contains("contacts_datastore_pool_in_use"), "connection pool use");
    assertTrue(text.contains("contacts_datastore_pool_size"), "connection pool size");
  }

  @Test
  void theConnectionPoolIsOpenBeforeABurstNeedsIt() {
    // mongo.min-pool-size's default, which this server keeps: the driver opens them in the
    // background, without a request asking, and opens them again after an outage.
    int floor = 64;
    Eventually.await(
        "the pool holds " + floor + " open connections without any load",
        Duration.ofSeconds(60),
        () -> Metrics.value("contacts_datastore_pool_size") >= floor);
  }
}
