package it.org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tracing switched on with OpenTelemetry's own settings and the console exporter: the service
 * continues a caller's trace, gives each MongoDB command a child span, and its log lines carry the
 * trace. Spans also go to a Zipkin stand-in, whose format names each span's parent.
 */
class TracingIT {

  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void requestContinuesTheCallersTraceWithAMongoChildSpanAndLogsTheTraceId() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String secretName = "Tracy" + UUID.randomUUID().toString().substring(0, 8);
    String secretEmail = secretName.toLowerCase() + "@example.org";
    try (ZipkinReceiver zipkin = new ZipkinReceiver();
        LibertyServer server = LibertyServer.start("contacts-tracing", tracingOn(zipkin))) {
      String id =
          server.createContact(
              Map.of("firstName", secretName, "lastName", "Span", "email", secretEmail));
      try {
        ApiResponse got =
            Api.send(
                server
                    .request("/contacts/" + id)
                    .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-01")
                    .build());
        assertEquals(200, got.status(), () -> "the contact is served: " + got);
        ApiResponse search =
            Api.send(server.request("/contacts?filter%5Bq%5D=" + secretName).build());
        assertEquals(200, search.status(), () -> "a search by name: " + search);

        JsonObject serverSpan =
            awaitValue(
                "the server span is exported", () -> find(zipkin.spansOf(traceId), "SERVER"));
        assertEquals(
            CALLER_SPAN, serverSpan.getString("parentId", ""), "the caller's span is the parent");
        assertEquals(
            "get /contacts/{id}",
            serverSpan.getString("name"),
            "named by the route template (Zipkin's format lowercases names)");
        JsonObject mongoSpan =
            awaitValue(
                "the MongoDB span is exported", () -> find(zipkin.spansOf(traceId), "CLIENT"));
        assertEquals(
            serverSpan.getString("id"),
            mongoSpan.getString("parentId", ""),
            "the MongoDB span is the server span's child");
        JsonObject tags = mongoSpan.getJsonObject("tags");
        assertEquals("mongodb", tags.getString("db.system", ""), () -> "db.system: " + tags);
        assertEquals(
            "mongodb", tags.getString("db.system.name", ""), () -> "db.system.name: " + tags);
        assertEquals("find", tags.getString("db.operation.name", ""), () -> "operation: " + tags);
        assertEquals(
            "contacts", tags.getString("db.collection.name", ""), () -> "collection: " + tags);
        assertEquals(
            "find contacts", mongoSpan.getString("name"), "named operation and collection");

        JsonObject line =
            awaitValue(
                "the request is logged", () -> logLine(server, "GET /contacts/" + id + " 200"));
        assertEquals(traceId, line.getString("ext_traceId", ""), () -> "trace id field: " + line);
        assertEquals(
            serverSpan.getString("id"),
            line.getString("ext_spanId", ""),
            () -> "span id field: " + line);
        assertTrue(
            line.getString("message").contains("traceId=" + traceId),
            () -> "the line's text names the trace too: " + line);

        assertTrue(
            logLine(server, "'GET /contacts/{id}' : " + traceId).isPresent(),
            "the console exporter printed the server span");
        String console = server.logs();
        for (String exported : List.of(console, zipkin.received())) {
          assertFalse(
              exported.contains(secretName),
              "no span carries a contact's name, nor a search for it");
          assertFalse(exported.contains(secretEmail), "no span carries a contact's email");
        }
      } finally {
        Api.send(server.request("/contacts/" + id).DELETE().build());
      }
    }
  }

  private static Map<String, String> tracingOn(ZipkinReceiver zipkin) {
    return Map.of(
        "MONGO_URI", TestDatastore.connectionString(),
        "LOG_FORMAT", "JSON",
        "OTEL_SDK_DISABLED", "false",
        "OTEL_SERVICE_NAME", "contacts-service",
        "OTEL_TRACES_EXPORTER", "console,zipkin",
        "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkin.endpoint(),
        "OTEL_BSP_SCHEDULE_DELAY", "100",
        "OTEL_METRICS_EXPORTER", "none",
        "OTEL_LOGS_EXPORTER", "none");
  }

  private static <T> T awaitValue(String description, Supplier<Optional<T>> value) {
    Eventually.await(description, Duration.ofSeconds(30), () -> value.get().isPresent());
    return value.get().orElseThrow();
  }

  private static Optional<JsonObject> find(List<JsonObject> spans, String kind) {
    return spans.stream().filter(span -> kind.equals(span.getString("kind", ""))).findFirst();
  }

  private static Optional<JsonObject> logLine(LibertyServer server, String text) {
    return server.messagesLog().stream()
        .filter(line -> line.startsWith("{"))
        .map(TracingIT::parse)
        .filter(line -> line.getString("message", "").startsWith(text))
        .findFirst();
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}
