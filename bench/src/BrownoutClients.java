package bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The brownout's load: clients that each call GET /contacts/{id} and POST /contacts in turn, as
 * fast as the service answers, and a prober that reads each health route on a period of its own,
 * as Kubernetes does. Every answer is kept with the time it was asked, so that the run can be cut
 * into its phases afterwards. All of it speaks HTTP/1.1, as the service's clients and Kubernetes'
 * probes do, unless H2C=1 (the JDK client's default: an h2c upgrade on every new connection).
 */
final class BrownoutClients implements AutoCloseable {

  static final List<String> PROBED = List.of("/health/live", "/ping", "/health/ready");
  static final String JSON_API = "application/vnd.api+json";
  private static final Duration PROBE_EVERY = Duration.ofMillis(500);
  /** Far above what any answer may take, so that a slow one is measured rather than cut off. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern ERRORS = Pattern.compile("\"errors\"\\s*:\\s*\\[\\s*\\{.*?\"title\"\\s*:\\s*\"([^\"]*)\"", Pattern.DOTALL);

  /**
   * One API call, by the time it was asked (ms since the clients started). title is the first
   * error's, when the answer is a JSON:API errors document; id is the new contact's, for a 201.
   */
  record Call(long at, String method, int status, long millis, String retryAfter, String title, String id) {
    /** 503 with Retry-After and a JSON:API errors document: a refusal a client can act on. */
    boolean isRefusal() {
      return status == 503 && retryAfter != null && title != null;
    }

    boolean isSuccess() {
      return status == 200 && method.equals("GET") || status == 201 && method.equals("POST");
    }
  }

  /** One probe of a health route, by the time it was asked. */
  record Probe(long at, String path, int status, long millis) {}

  private final URI base;
  private final HttpClient api = client();
  /** The probes' own client (and its own connections), as the kubelet is not one of the clients. */
  private final HttpClient probing = client();
  private final ExecutorService threads;
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
  private final long started = System.nanoTime();
  private volatile boolean stopped;

  private BrownoutClients(URI base, int clients) {
    this.base = base;
    this.threads = Executors.newFixedThreadPool(clients + PROBED.size());
  }

  static BrownoutClients start(String base, int clients, List<String> ids) {
    BrownoutClients load = new BrownoutClients(URI.create(base), clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      load.threads.execute(() -> load.callInTurn(client, ids));
    }
    PROBED.forEach(path -> load.threads.execute(() -> load.probe(path)));
    return load;
  }

  private static HttpClient client() {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    return "1".equals(Settings.ENV.get("H2C")) ? builder.build() : builder.version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Milliseconds since the clients started. */
  long now() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Probe> probes() {
    return List.copyOf(probes);
  }

  /** Stops asking, and waits for the answers in flight (each bounded by the timeout). */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    threads.shutdown();
    if (!threads.awaitTermination(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
      threads.shutdownNow();
    }
  }

  private void callInTurn(int client, List<String> ids) {
    for (int n = client; !stopped; n++) {
      if (n % 2 == 0) {
        calls.add(call("GET", "/contacts/" + ids.get(n % ids.size()), null));
      } else {
        calls.add(call("POST", "/contacts", "{\"data\":{\"type\":\"contacts\",\"attributes\":{\"firstName\":\"Brownout"
            + client + "\",\"lastName\":\"Call" + n + "\"}}}"));
      }
    }
  }

  private Call call(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Accept", JSON_API).header("Content-Type", JSON_API)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    long at = now();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = api.send(request, HttpResponse.BodyHandlers.ofString());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Matcher errors = ERRORS.matcher(response.body());
      boolean document = response.headers().firstValue("Content-Type").orElse("").startsWith(JSON_API);
      String title = document && errors.find() ? errors.group(1) : null;
      String id = response.statusCode() == 201
          ? response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null)
          : null;
      return new Call(at, method, response.statusCode(), millis, response.headers().firstValue("Retry-After").orElse(null), title, id);
    } catch (IOException e) {
      return new Call(at, method, -1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), null, e.getClass().getSimpleName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(at, method, -1, 0, null, "interrupted", null);
    }
  }

  private void probe(String path) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).build();
    long next = System.nanoTime();
    while (!stopped) {
      long at = now();
      long start = System.nanoTime();
      int status;
      try {
        status = probing.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        status = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      probes.add(new Probe(at, path, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
      // The next probe a period after this one was due, or at once when this one took longer.
      next = Math.max(next + PROBE_EVERY.toNanos(), System.nanoTime());
      Shell.sleep(TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()));
    }
  }

  /** What became of the contacts whose creation was acknowledged (201), read back after the run. */
  record Writes(long acknowledged, long missing, long unread) {}

  /** Reads back every contact a 201 acknowledged, 16 at a time, with the service healthy again. */
  static Writes missing(String base, List<Call> calls) throws InterruptedException {
    List<String> ids = calls.stream().map(Call::id).filter(Objects::nonNull).toList();
    BrownoutClients reader = new BrownoutClients(URI.create(base), 16);
    AtomicLong missing = new AtomicLong();
    AtomicLong unread = new AtomicLong();
    for (String id : ids) {
      reader.threads.execute(() -> {
        int status = reader.call("GET", "/contacts/" + id, null).status();
        if (status == 404) {
          missing.incrementAndGet();
        } else if (status != 200) {
          unread.incrementAndGet();
        }
      });
    }
    reader.threads.shutdown();
    reader.threads.awaitTermination(5, TimeUnit.MINUTES);
    return new Writes(ids.size(), missing.get(), unread.get());
  }
}
