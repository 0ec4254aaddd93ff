package it.org.contacts.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Clients that call the API at once (GET by id and POST, in turn), and a prober that reads liveness
 * and readiness, until stopped or their time is up. Every answer is kept, for a test to check.
 */
public final class ConcurrentClients implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ConcurrentClients.class.getName());
  private static final Duration PROBE_EVERY = Duration.ofMillis(250);

  /** One API call: what was asked, what came back, how long it took. */
  public record Call(
      String method, int status, long millis, String retryAfter, String title, String id) {

    /** A refusal a client can act on: 503, Retry-After and a JSON:API errors document. */
    public boolean isRetryableRefusal() {
      return status == 503 && retryAfter != null && title != null;
    }
  }

  /** One probe of a health route. */
  public record Probe(String path, int status, long millis, long atMillis) {}

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1 as the clients of this service speak it: the JDK asks for an h2c upgrade
          // otherwise, which the service declines (LinksAndEncodingIT).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ExecutorService threads;
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
  private final long startNanos = System.nanoTime();
  private final long endNanos;
  private volatile boolean stopped;

  private ConcurrentClients(URI base, int clients, Duration limit) {
    this.base = base;
    this.threads = Executors.newFixedThreadPool(clients + 2);
    this.endNanos = startNanos + limit.toNanos();
  }

  /**
   * Starts the clients, which read the given contacts and create new ones, and the prober; all stop
   * by themselves after the limit.
   */
  public static ConcurrentClients start(URI base, int clients, List<String> ids, Duration limit) {
    ConcurrentClients load = new ConcurrentClients(base, clients, limit);
    for (int c = 0; c < clients; c++) {
      int client = c;
      load.threads.execute(() -> load.callInTurn(client, ids));
    }
    load.threads.execute(() -> load.probe("/health/live"));
    load.threads.execute(() -> load.probe("/health/ready"));
    return load;
  }

  /** Milliseconds since the clients started: for a test to mark its phases. */
  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Probe> probes() {
    return List.copyOf(probes);
  }

  /** Stops the clients and waits for the calls in flight (each has a bounded timeout). */
  @Override
  public void close() {
    stopped = true;
    threads.shutdown();
    try {
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Counts of calls by status and error title, for a report. */
  public static Map<String, Long> summary(List<Call> calls) {
    return calls.stream()
        .collect(
            Collectors.groupingBy(
                call -> call.status() + (call.title() == null ? "" : " " + call.title()),
                TreeMap::new,
                Collectors.counting()));
  }

  private boolean running() {
    return !stopped && System.nanoTime() < endNanos;
  }

  private void callInTurn(int client, List<String> ids) {
    for (int n = 0; running(); n++) {
      if (n % 2 == 0) {
        calls.add(call("GET", "/contacts/" + ids.get((client + n) % ids.size()), null));
      } else {
        String body = Api.document(Map.of("firstName", "Client" + client, "lastName", "Call" + n));
        calls.add(call("POST", "/contacts", body));
      }
    }
  }

  private Call call(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", Api.JSON_API)
            .header("Content-Type", Api.JSON_API)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      JsonObject document = parse(response.body());
      String title = null;
      String id = null;
      if (document != null && document.containsKey("errors")) {
        title = document.getJsonArray("errors").getJsonObject(0).getString("title", "");
      } else if (document != null && response.statusCode() == 201) {
        id = document.getJsonObject("data").getString("id");
      }
      return new Call(
          method,
          response.statusCode(),
          millis,
          response.headers().firstValue("Retry-After").orElse(null),
          title,
          id);
    } catch (IOException e) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new Call(method, -1, millis, null, e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(method, -1, 0, null, "interrupted", null);
    }
  }

  private static JsonObject parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** Reads one health route on a period of its own, as Kubernetes probes each separately. */
  private void probe(String path) {
    long next = System.nanoTime();
    while (running()) {
      long start = System.nanoTime();
      int status;
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (IOException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      probes.add(new Probe(path, status, millis, elapsedMillis()));
      next += PROBE_EVERY.toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait); // the probing period, as Kubernetes keeps one
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static Map<Integer, Long> byStatus(List<Probe> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(Probe::status, TreeMap::new, Collectors.counting()));
  }

  /** What the clients saw: counts by status and title, the slowest call, the probes' answers. */
  public String report() {
    List<Call> all = calls();
    StringBuilder report = new StringBuilder("calls by status and title: " + summary(all));
    all.stream()
        .max(java.util.Comparator.comparingLong(Call::millis))
        .ifPresent(slowest -> report.append("; slowest call: ").append(slowest));
    for (String path : new String[] {"/health/live", "/health/ready"}) {
      List<Probe> answers = probes().stream().filter(p -> p.path().equals(path)).toList();
      report
          .append("; ")
          .append(path)
          .append(": ")
          .append(byStatus(answers))
          .append(" by status, answered in ")
          .append(answers.stream().mapToLong(Probe::millis).summaryStatistics())
          .append(" ms");
    }
    return report.toString();
  }

  /**
   * Runs by hand against a running service: {@code baseUrl clients seconds id...}; logs the counts
   * by status, the slowest call and the liveness times.
   */
  public static void main(String[] args) {
    List<String> ids = List.of(args).subList(3, args.length);
    ConcurrentClients load =
        start(
            URI.create(args[0]),
            Integer.parseInt(args[1]),
            ids,
            Duration.ofSeconds(Long.parseLong(args[2])));
    load.threads.shutdown();
    try {
      load.threads.awaitTermination(Long.parseLong(args[2]) + 30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info(load.report());
  }
}
