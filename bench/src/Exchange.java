package bench;

import static bench.Report.say;
import static bench.Settings.CONTACTS;
import static bench.Settings.EXCHANGE_CONTACTS;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Export and import at scale (issue 21), when EXCHANGE is 1 or only: a fresh start of the service
 * imports EXCHANGE_CONTACTS generated contacts as one CSV file in the original author's shape
 * (bare CR, quoted cells, snake_case headers, unquoted zips), exports everything as CSV, vCard 4.0
 * and vCard 3.0, and imports the vCard 4.0 export again. Each step's time, and the service's heap
 * (its MicroProfile Metrics, sampled every 100 ms: the peak during the step and the value after)
 * and resident set after it. It asserts nothing.
 */
final class Exchange {

  private static final Pattern HEAP =
      Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E+]+)");
  private static final Pattern COUNT = Pattern.compile("\"(received|created|refused)\":(\\d+)");
  private static final byte[] CARD = "BEGIN:VCARD".getBytes(StandardCharsets.US_ASCII);

  private final Service service;
  private byte[] vcards;

  private Exchange(Service service) {
    this.service = service;
  }

  /**
   * The import limits are raised for this start: the vCard export imported again holds the
   * imported contacts and the datastore's own.
   */
  static void measure() throws Exception {
    int maxRecords = 2 * EXCHANGE_CONTACTS + CONTACTS;
    long maxBytes = 1L << 30;
    Service service =
        Service.fresh(
            Map.of(
                "CONTACTS_AUTH_MODE", "none",
                "CONTACTS_IMPORT_MAX_RECORDS", Integer.toString(maxRecords),
                "CONTACTS_IMPORT_MAX_BODY_BYTES", Long.toString(maxBytes)));
    try {
      say("\n## Export and import of %,d contacts (EXCHANGE)\n", EXCHANGE_CONTACTS);
      say(
          "A fresh start (ready in %.1f s) on the benchmark's datastore, which holds %,d contacts"
              + " before. Import limits raised for the run: CONTACTS_IMPORT_MAX_RECORDS=%d,"
              + " CONTACTS_IMPORT_MAX_BODY_BYTES=%d. Imports ask onDuplicate=create: the in-memory"
              + " datastore has no secondary indexes, so the per-batch look-up of email addresses"
              + " would measure its full scans, not the service (MongoDB answers it from the"
              + " index).\n",
          service.readySeconds, CONTACTS, maxRecords, maxBytes);
      say("| step | s | result | heap peak MB | heap after MB | RSS after MB | RSS peak MB |");
      say("|---|---:|---|---:|---:|---:|---:|");
      new Exchange(service).run();
    } finally {
      service.stop();
    }
  }

  private void run() throws Exception {
    byte[] csv = csv(EXCHANGE_CONTACTS);
    step(
        String.format("import CSV (%,d bytes)", csv.length),
        () -> importFile("text/csv", csv));
    step("export CSV", () -> export("text/csv"));
    step("export vCard 4.0", () -> export("text/vcard"));
    step("export vCard 3.0", () -> export("text/vcard;version=3.0"));
    byte[] again = vcards;
    step(
        String.format("import vCard 4.0 (%,d bytes)", again.length),
        () -> importFile("text/vcard", again));
  }

  private interface Step {
    String run() throws Exception;
  }

  /** Runs a step while a sampler reads the service's heap, and prints its row. */
  private void step(String name, Step step) throws Exception {
    AtomicLong peak = new AtomicLong(-1);
    ExecutorService sampler = Executors.newSingleThreadExecutor();
    sampler.submit(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(heap(), Math::max);
            Shell.sleep(100);
          }
        });
    long start = System.nanoTime();
    String result;
    try {
      result = step.run();
    } finally {
      sampler.shutdownNow();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] rss = Shell.rssMb(service.pid);
    say(
        "| %s | %.1f | %s | %s | %s | %d | %d |",
        name, seconds, result, mb(peak.get()), mb(heap()), rss[0], rss[1]);
  }

  private String importFile(String type, byte[] file) throws Exception {
    HttpResponse<String> report =
        Shell.HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/contacts?onDuplicate=create"))
                .header("Content-Type", type)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    StringBuilder result = new StringBuilder(Integer.toString(report.statusCode()));
    Matcher count = COUNT.matcher(report.body());
    while (count.find()) {
      result.append(String.format(", %s %,d", count.group(1), Long.parseLong(count.group(2))));
    }
    return result.toString();
  }

  /** Counts the records of the file; keeps the vCard 4.0 export for the import that follows. */
  private String export(String type) throws Exception {
    HttpResponse<byte[]> response =
        Shell.HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/contacts"))
                .header("Accept", type)
                .timeout(Duration.ofMinutes(30))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body();
    long records =
        type.equals("text/csv") ? occurrences(body, new byte[] {'\n'}) - 1 : occurrences(body, CARD);
    if (type.equals("text/vcard")) {
      vcards = body;
    }
    return String.format("%d, %,d records, %,d bytes", response.statusCode(), records, body.length);
  }

  private static long occurrences(byte[] text, byte[] pattern) {
    long found = 0;
    outer:
    for (int i = 0; i <= text.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (text[i + j] != pattern[j]) {
          continue outer;
        }
      }
      found++;
    }
    return found;
  }

  private long heap() {
    try {
      HttpResponse<String> metrics =
          Shell.HTTP.send(
              HttpRequest.newBuilder(URI.create(service.url() + "/metrics?scope=base"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher heap = HEAP.matcher(metrics.body());
      return heap.find() ? (long) Double.parseDouble(heap.group(1)) : -1;
    } catch (InterruptedException e) {
      // The step is over: the sampler's loop must see the interrupt, or the run never exits.
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "?" : String.format("%.0f", bytes / 1e6);
  }

  /** The original author's sample shape: bare CR, quoted cells, snake_case, unquoted zips. */
  private static byte[] csv(int count) {
    StringBuilder csv =
        new StringBuilder(
            "\"first_name\",\"last_name\",\"company_name\",\"address\",\"city\",\"county\","
                + "\"state\",\"zip\",\"phone1\",\"phone2\",\"email\",\"web\"\r");
    for (int i = 0; i < count; i++) {
      csv.append(
          String.format(
              "\"First%d\",\"Last%d\",\"Exchange %d Inc\",\"%d Main St\",\"Bridgewater\","
                  + "\"Somerset\",\"NJ\",%d,\"908-555-%04d\",\"908-555-%04d\","
                  + "\"c%d@exchange.example\",\"http://www.example%d.com\"\r",
              i, i % 997, i % 101, i, 8000 + i % 1000, i % 10000, (i + 1) % 10000, i, i));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
