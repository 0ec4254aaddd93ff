import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.repository.ContactMapping;

/**
 * What the datastore gives without the service: the service's own MongoDB operations for a
 * workload, issued straight through mongodb-driver-sync by N threads for a fixed time, with the
 * figures printed as the wrk scripts print them (one RESULT line per thread count).
 *
 * <ul>
 *   <li>{@code find-by-id}: find({_id}).first() over random ids from the file, as GET /contacts/{id}
 *   <li>{@code first-page}: find({}).sort({_id:1}).limit(21) read through, then
 *       estimatedDocumentCount, as GET /contacts (page 1 of 20 and its total)
 *   <li>{@code insert}: insertOne of a contact in stored form, as POST /contacts
 * </ul>
 *
 * <p>Usage: {@code java -cp <classpath> bench/RawDriverBaseline.java --workload W --threads 32,128
 * --duration 15 [--warmup 5] [--uri U] [--db test] [--collection contacts] [--ids FILE]
 * [--marker TEXT]}
 *
 * <p>The client is set up as the service's MongoProducer sets up its own (timeouts, write concern
 * majority), but with as many pooled connections as threads, so the pool never makes a thread wait.
 */
public class RawDriverBaseline {

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("org.mongodb.driver").setLevel(java.util.logging.Level.WARNING);
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String workload = options.getOrDefault("workload", "find-by-id");
    int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "32,128").split(",")).mapToInt(Integer::parseInt).toArray();
    int duration = Integer.parseInt(options.getOrDefault("duration", "15"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int maxThreads = Arrays.stream(threadCounts).max().orElse(1);

    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(options.getOrDefault("uri", "mongodb://127.0.0.1:27017")))
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket -> socket.connectTimeout(1000, TimeUnit.MILLISECONDS).readTimeout(5000, TimeUnit.MILLISECONDS))
            .applyToConnectionPoolSettings(pool -> pool.maxSize(maxThreads).maxWaitTime(1500, TimeUnit.MILLISECONDS))
            .writeConcern(WriteConcern.MAJORITY)
            .build();
    try (MongoClient client = MongoClients.create(settings)) {
      MongoCollection<Document> contacts =
          client.getDatabase(options.getOrDefault("db", "test")).getCollection(options.getOrDefault("collection", "contacts"));
      Operation operation = operation(workload, contacts, options);
      if (warmup > 0) {
        run(operation, threadCounts[0], warmup);
      }
      for (int threads : threadCounts) {
        Result result = run(operation, threads, duration);
        System.out.println(result.line());
      }
    }
  }

  interface Operation {
    void once(long sequence);
  }

  private static Operation operation(String workload, MongoCollection<Document> contacts, Map<String, String> options)
      throws Exception {
    switch (workload) {
      case "find-by-id" -> {
        List<ObjectId> ids = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(options.get("ids")), StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            ids.add(new ObjectId(line.strip().split("\\s+")[0]));
          }
        }
        return sequence -> {
          ObjectId id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          if (contacts.find(eq(ContactMapping.ID, id)).first() == null) {
            throw new IllegalStateException("no contact " + id);
          }
        };
      }
      case "first-page" -> {
        return sequence -> {
          List<Document> page = new ArrayList<>(21);
          contacts.find(Filters.empty()).sort(Sorts.orderBy(Sorts.ascending(ContactMapping.ID))).skip(0).limit(21).into(page);
          contacts.estimatedDocumentCount();
        };
      }
      case "insert" -> {
        String marker = options.getOrDefault("marker", "bench-raw");
        return sequence -> {
          Map<String, String> attributes = new LinkedHashMap<>();
          attributes.put("firstName", "Bench");
          attributes.put("lastName", "Raw-" + sequence);
          attributes.put("companyName", marker);
          attributes.put("address", "1 Load Street");
          attributes.put("city", "Benchton");
          attributes.put("county", "Load");
          attributes.put("state", "CA");
          attributes.put("zip", "94000");
          attributes.put("phone1", "(555) 010-0000");
          attributes.put("phone2", "(555) 010-0001");
          attributes.put("email", "raw" + sequence + "@bench.example");
          attributes.put("website", "http://www.bench.example");
          contacts.insertOne(ContactMapping.toDocument(new ObjectId(), 1, attributes));
        };
      }
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    }
  }

  record Result(int threads, long requests, double seconds, long errors, long[] sortedNanos) {
    double percentileMillis(double percentile) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    String line() {
      return String.format(
          java.util.Locale.ROOT,
          "RESULT threads=%d requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
              + " non2xx=0 socket_errors=%d status412=0 statuses=-",
          threads, requests, seconds, requests / seconds, percentileMillis(50), percentileMillis(99),
          percentileMillis(99.9), percentileMillis(100), errors);
    }
  }

  private static Result run(Operation operation, int threads, int seconds) throws InterruptedException {
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong errors = new AtomicLong();
    AtomicLong sequence = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(threads);
    long[] window = new long[2];
    List<Thread> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread worker =
          new Thread(
              () -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                try {
                  start.await();
                  long deadline = window[1];
                  while (true) {
                    long begin = System.nanoTime();
                    if (begin >= deadline) {
                      break;
                    }
                    try {
                      operation.once(sequence.incrementAndGet());
                      if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                      }
                      mine[n++] = System.nanoTime() - begin;
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  latencies[index] = mine;
                  counts[index] = n;
                  finished.countDown();
                }
              },
              "raw-" + t);
      workers.add(worker);
      worker.start();
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
    start.countDown();
    finished.await();
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(threads, total, elapsed, errors.get(), all);
  }
}
