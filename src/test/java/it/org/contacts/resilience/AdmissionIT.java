package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.FaultProxy;
import it.org.contacts.support.JsonApiDocuments;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.Metrics;
import it.org.contacts.support.TestDatastore;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * While the datastore answers late, the service works on a few contacts requests at once ({@code
 * contacts.admission.per-processor}) and tells the next ones, after a short wait in line, to come
 * back later: a 503 "Service is overloaded" with Retry-After, long before the datastore could have
 * answered them, each refusal counted for the operator. An export, the change feed and the probes
 * never wait in that line.
 */
class AdmissionIT {

  private static final int PER_PROCESSOR = 1;
  private static final Duration QUEUE_TIMEOUT = Duration.ofMillis(200);
  private static final Pattern APP_DURATION = Pattern.compile("app;dur=([0-9.]+)");

  /** Every reply of the datastore this late: the admitted requests hold their places this long. */
  private static final Duration SLOW_REPLIES = Duration.ofMillis(2000);

  /** Far above the slow replies, so that the admitted requests and the export are served. */
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @Test
  void beyondItsLimitTheServiceRefusesQuicklyWhileLongRequestsAndProbesPassOutsideTheLine() {
    int limit = PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
    int reads = limit * 3 + 2;
    ExecutorService clients = Executors.newFixedThreadPool(reads + 2);
    try (FaultProxy proxy = TestDatastore.throughFaultProxy(Duration.ofMinutes(5));
        LibertyServer server = LibertyServer.start("contacts-admission", environment(proxy))) {
      server.awaitReady(Duration.ofSeconds(60));
      String id = server.createContact(Map.of("firstName", "Line", "lastName", "Admission"));

      proxy.delayReplies(SLOW_REPLIES);
      CompletableFuture<Timed> export =
          timed(clients, server.request("/contacts").header("Accept", "text/csv").build());
      CompletableFuture<Timed> changes =
          timed(
              clients, server.request("/contacts/changes").header("Accept", Api.JSON_API).build());
      List<CompletableFuture<Timed>> wave =
          IntStream.range(0, reads)
              .mapToObj(i -> timed(clients, server.request("/contacts/" + id).build()))
              .toList();
      ApiResponse live = Api.sendUnchecked(server.request("/health/live").build());
      List<Timed> answers = wave.stream().map(CompletableFuture::join).toList();
      proxy.delayReplies(Duration.ZERO);

      assertEquals(200, live.status(), "liveness answers while the line is full");
      List<Timed> served = answers.stream().filter(a -> a.response().status() == 200).toList();
      List<Timed> refused = answers.stream().filter(a -> isOverloaded(a.response())).toList();
      assertEquals(
          reads,
          served.size() + refused.size(),
          () -> "every read was served or refused as overloaded: " + answers);
      assertTrue(
          served.size() <= limit && !served.isEmpty(),
          () -> "at most " + limit + " reads at work at once, and some served: " + answers);
      assertTrue(
          refused.stream().allMatch(a -> a.millis() < SLOW_REPLIES.toMillis()),
          () -> "each refusal came before the datastore could have answered: " + refused);
      refused.forEach(a -> JsonApiDocuments.assertValid(a.response(), false));
      assertTrue(
          refused.stream().allMatch(a -> appMillis(a.response()) >= QUEUE_TIMEOUT.toMillis()),
          () -> "each refusal's Server-Timing counts its wait in line: " + refused);
      assertEquals(
          refused.size(),
          (int) Metrics.value(server, "contacts_admission_refused_total"),
          "an operator sees each refusal counted");

      ApiResponse exported = export.join().response();
      assertEquals(200, exported.status(), () -> "the export passed outside the line: " + exported);
      assertTrue(exported.body().contains("Admission"), "the export holds the contact");
      ApiResponse feed = changes.join().response();
      assertEquals(200, feed.status(), () -> "the change feed passed outside the line: " + feed);
    } finally {
      clients.shutdownNow();
    }
  }

  private static Map<String, String> environment(FaultProxy proxy) {
    return Map.of(
        "MONGO_URI",
        proxy.connectionString(""),
        "MONGO_DATABASE",
        "admission-it",
        "MONGO_TIMEOUT_MS",
        Long.toString(DEADLINE.toMillis()),
        "CONTACTS_LIVENESS_STALL_WINDOW_MS",
        Long.toString(DEADLINE.multipliedBy(2).toMillis()),
        "CONTACTS_ADMISSION_PER_PROCESSOR",
        Integer.toString(PER_PROCESSOR),
        "CONTACTS_ADMISSION_QUEUE_TIMEOUT_MS",
        Long.toString(QUEUE_TIMEOUT.toMillis()));
  }

  /** The service's own time for a request, from its Server-Timing header's app metric. */
  private static double appMillis(ApiResponse response) {
    Matcher app = APP_DURATION.matcher(String.valueOf(response.header("Server-Timing")));
    return app.find() ? Double.parseDouble(app.group(1)) : -1;
  }

  private static boolean isOverloaded(ApiResponse response) {
    return response.status() == 503
        && response.header("Retry-After") != null
        && "Service is overloaded".equals(response.error().getString("title"))
        && "overloaded".equals(response.error().getString("code", null));
  }

  private static CompletableFuture<Timed> timed(ExecutorService clients, HttpRequest request) {
    Supplier<Timed> call =
        () -> {
          long start = System.nanoTime();
          ApiResponse response = Api.sendUnchecked(request);
          return new Timed(response, (System.nanoTime() - start) / 1_000_000);
        };
    return CompletableFuture.supplyAsync(call, clients);
  }

  /** An answer and how long it took. */
  private record Timed(ApiResponse response, long millis) {}
}
