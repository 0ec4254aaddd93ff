import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Import and export at scale (issue 21): imports N generated contacts as one CSV file (the shape of
 * the original author's sample: bare CR, quoted cells, snake_case headers, unquoted zips), exports
 * them as CSV, vCard 4.0 and vCard 3.0, and prints the time of each and the service's heap (its
 * MicroProfile Metrics, sampled every 100 ms: the peak during the step and the value after it).
 * Then it deletes what it imported. It asserts nothing.
 *
 * <p>Run against a service of your own on 127.0.0.1, with the API open (the run command's default):
 * {@code mvn -DskipTests package liberty:run}, then {@code java bench/ExchangeBenchmark.java
 * [count=100000] [url=http://127.0.0.1:9080]}. The count may not exceed the service's
 * contacts.import.max-records (100,000 by default).
 */
public class ExchangeBenchmark {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern HEAP = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E+]+)");

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    URI base = URI.create(args.length > 1 ? args[1] : "http://127.0.0.1:9080");
    if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark talks to 127.0.0.1 only: " + base);
    }
    String tag = "bench" + UUID.randomUUID().toString().substring(0, 8);
    byte[] csv = csv(count, tag);
    System.out.printf("%,d contacts, %,d bytes of CSV, tagged companyName=%s%n", count, csv.length, tag);
    System.out.printf("heap before: %s%n", mb(heap(base)));

    List<String> ids = new ArrayList<>();
    step(
        base,
        "import CSV",
        () -> {
          HttpResponse<String> report =
              CLIENT.send(
                  HttpRequest.newBuilder(base.resolve("/contacts"))
                      .header("Content-Type", "text/csv")
                      .timeout(Duration.ofMinutes(30))
                      .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          Matcher id = Pattern.compile("\"([0-9a-f]{24})\"").matcher(report.body());
          while (id.find()) {
            ids.add(id.group(1));
          }
          return report.statusCode() + ", " + ids.size() + " ids";
        });
    String selection = "/contacts?filter%5BcompanyName%5D=" + tag;
    for (String accept : List.of("text/csv", "text/vcard", "text/vcard;version=3.0")) {
      step(base, "export " + accept, () -> export(base.resolve(selection), accept));
    }
    step(base, "delete the imported contacts", () -> delete(base, ids));
  }

  private interface Step {
    String run() throws Exception;
  }

  /** Runs a step while a sampler reads the service's heap; prints its time, result and heap. */
  private static void step(URI base, String name, Step step) throws Exception {
    AtomicLong peak = new AtomicLong();
    ExecutorService sampler = Executors.newSingleThreadExecutor();
    sampler.submit(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(heap(base), Math::max);
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
    long start = System.nanoTime();
    String result = step.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    sampler.shutdownNow();
    sampler.awaitTermination(5, TimeUnit.SECONDS);
    System.out.printf(
        "%-32s %,8d ms   %-28s heap peak %s, after %s%n",
        name, millis, result, mb(peak.get()), mb(heap(base)));
  }

  private static String export(URI uri, String accept) throws Exception {
    HttpResponse<InputStream> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofMinutes(30)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    try (InputStream body = response.body()) {
      byte[] buffer = new byte[1 << 16];
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        bytes += read;
      }
    }
    return response.statusCode() + ", " + String.format("%,d", bytes) + " bytes";
  }

  private static String delete(URI base, List<String> ids) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicLong deleted = new AtomicLong();
    for (String id : ids) {
      pool.submit(
          () -> {
            HttpResponse<Void> response =
                CLIENT.send(
                    HttpRequest.newBuilder(base.resolve("/contacts/" + id)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
              deleted.incrementAndGet();
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    return deleted.get() + " deleted";
  }

  private static long heap(URI base) {
    try {
      HttpResponse<String> metrics =
          CLIENT.send(
              HttpRequest.newBuilder(base.resolve("/metrics?scope=base")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher heap = HEAP.matcher(metrics.body());
      return heap.find() ? (long) Double.parseDouble(heap.group(1)) : -1;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return -1;
    }
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "?" : String.format("%.0f MB", bytes / 1e6);
  }

  private static byte[] csv(int count, String tag) {
    StringBuilder csv =
        new StringBuilder(
            "\"first_name\",\"last_name\",\"company_name\",\"address\",\"city\",\"county\",\"state\","
                + "\"zip\",\"phone1\",\"phone2\",\"email\",\"web\"\r");
    for (int i = 0; i < count; i++) {
      csv.append(
          String.format(
              "\"First%d\",\"Last%d\",\"%s\",\"%d Main St\",\"Bridgewater\",\"Somerset\",\"NJ\",%d,"
                  + "\"908-555-%04d\",\"908-555-%04d\",\"c%d.%s@example.org\",\"http://www.example%d.com\"\r",
              i, i % 997, tag, i, 8000 + i % 1000, i % 10000, (i + 1) % 10000, i, tag, i));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
