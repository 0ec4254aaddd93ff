import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The benchmark's datastore: an in-memory MongoDB wire-protocol server (mongo-java-server's memory
 * backend) on 127.0.0.1, holding {@code count} contacts in test.contacts, in the form the original
 * service stored them (the twelve attributes, nothing else), which this service reads as well.
 * Measures what it serves alone (the CEILING line), writes the ids, one a line, prints READY, and
 * serves until its standard input closes.
 *
 * <p>Its contacts are written here rather than with the service's own generator so that the
 * benchmark does not depend on the service's internal classes.
 *
 * <p>Usage: {@code java -cp <driver and mongo-java-server> bench/BenchDatastore.java <port>
 * <count> <ids file> ceiling|no-ceiling}
 */
public class BenchDatastore {

  private static final String[] STATES = {"CA", "NY", "TX", "WA", "MO", "CO", "FL", "IL"};

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.mongodb.driver").setLevel(Level.WARNING);
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", port);
    List<String> ids = new ArrayList<>(count);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
      List<Document> contacts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ObjectId id = new ObjectId();
        ids.add(id.toHexString());
        contacts.add(contact(id, i));
      }
      client.getDatabase("test").getCollection("contacts").insertMany(contacts);
      if (!"no-ceiling".equals(args[3])) {
        System.out.println(ceiling(client, ids));
      }
    }
    Files.write(Path.of(args[2]), ids, StandardCharsets.UTF_8);
    System.out.println("READY " + count + " contacts on 127.0.0.1:" + port);
    System.out.flush();
    while (System.in.read() >= 0) {
      // serves until the benchmark closes our standard input, or ends
    }
    server.shutdownNow();
  }

  /**
   * What the datastore serves with no service in front of it: 32 threads of the driver, in this
   * JVM, inserting contacts (into a collection dropped after) and finding them by id, each measured
   * for 5 s after 5 s unmeasured. The unmeasured seconds also warm the datastore up, so that no
   * service meets it cold.
   */
  private static String ceiling(MongoClient client, List<String> ids) throws InterruptedException {
    MongoCollection<Document> scratch = client.getDatabase("test").getCollection("ceiling");
    MongoCollection<Document> contacts = client.getDatabase("test").getCollection("contacts");
    AtomicInteger next = new AtomicInteger();
    Runnable insert = () -> scratch.insertOne(contact(new ObjectId(), next.incrementAndGet()));
    Runnable find =
        () -> {
          ObjectId id = new ObjectId(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
          contacts.find(new Document("_id", id)).first();
        };
    double inserts = rate(insert);
    double finds = rate(find);
    scratch.drop();
    return String.format("CEILING inserts_per_s=%.0f finds_per_s=%.0f", inserts, finds);
  }

  private static double rate(Runnable operation) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicBoolean counting = new AtomicBoolean();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 32; t++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  operation.run();
                  if (counting.get()) {
                    done.incrementAndGet();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(5_000);
    long from = System.nanoTime();
    counting.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    return done.get() / ((System.nanoTime() - from) / 1e9);
  }

  private static Document contact(ObjectId id, int i) {
    String last = "Lastname" + Integer.toString(i, 36);
    return new Document("_id", id)
        .append("firstName", "First" + i)
        .append("lastName", last)
        .append("companyName", "Company " + (i % 97) + " Incorporated")
        .append("address", (100 + i) + " Benchmark Avenue")
        .append("city", "City " + (i % 53))
        .append("county", "County " + (i % 31))
        .append("state", STATES[i % STATES.length])
        .append("zip", String.format("%05d", 10000 + i))
        .append("phone1", String.format("555-%03d-%04d", i % 1000, i))
        .append("phone2", String.format("555-%03d-%04d", (i + 7) % 1000, i))
        .append("email", "first" + i + "." + last.toLowerCase() + "@bench.example")
        .append("website", "http://www.company" + (i % 97) + ".example");
  }
}
