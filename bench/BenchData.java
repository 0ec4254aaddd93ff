import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.repository.ContactMapping;
import org.contacts.seed.ContactGenerator;

/**
 * The benchmark's data work, straight on the datastore through the driver: seeding generated
 * contacts in the stored form the service reads, fetching their ETags through the API, removing
 * what a run created, and preparing the one-million-contact scale check.
 *
 * <p>Usage: {@code java -cp <classpath> bench/BenchData.java <command> [--option value]...}
 *
 * <ul>
 *   <li>{@code seed --count N --ids FILE --prefixes FILE}: inserts N generated contacts, writes
 *       their ids, and writes search prefixes taken from them
 *   <li>{@code etags --base-url URL --ids FILE --out FILE}: GETs each contact, writes "id etag"
 *   <li>{@code cleanup --ids FILE --marker TEXT}: deletes those ids and every contact whose
 *       companyName is the marker
 *   <li>{@code scale-load --count N}: tops the collection up to N generated contacts
 *   <li>{@code scale-cursors --page P --size S}: prints the page[after] cursors of page P for the
 *       default order and for filter[state]=CA&sort=lastName
 *   <li>{@code explain}: asks the datastore to explain the benchmark's queries
 * </ul>
 *
 * Common options: {@code --uri} (mongodb://127.0.0.1:27017), {@code --db} (test), {@code
 * --collection} (contacts).
 */
public class BenchData {

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("org.mongodb.driver").setLevel(java.util.logging.Level.WARNING);
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: BenchData <command> [--option value]...");
    }
    Map<String, String> options = options(args);
    String command = args[0];
    if (command.equals("etags")) {
      etags(options);
      return;
    }
    try (MongoClient client = MongoClients.create(options.getOrDefault("uri", "mongodb://127.0.0.1:27017"))) {
      MongoCollection<Document> contacts =
          client
              .getDatabase(options.getOrDefault("db", "test"))
              .getCollection(options.getOrDefault("collection", "contacts"));
      switch (command) {
        case "seed" -> seed(contacts, options);
        case "cleanup" -> cleanup(contacts, options);
        case "scale-load" -> scaleLoad(contacts, options);
        case "scale-cursors" -> scaleCursors(contacts, options);
        case "explain" -> explain(client, contacts, options);
        default -> throw new IllegalArgumentException("unknown command " + command);
      }
    }
  }

  private static void seed(MongoCollection<Document> contacts, Map<String, String> options)
      throws IOException {
    int count = Integer.parseInt(options.getOrDefault("count", "2000"));
    long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime())));
    ContactGenerator generator = new ContactGenerator(seed);
    List<String> ids = new ArrayList<>(count);
    Set<String> prefixes = new LinkedHashSet<>();
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> attributes = generator.next();
      ObjectId id = new ObjectId();
      batch.add(ContactMapping.toDocument(id, 1, attributes));
      ids.add(id.toHexString());
      String last = attributes.get("lastName").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (last.length() >= 3 && prefixes.size() < 200) {
        prefixes.add(last.substring(0, 3));
      }
      if (batch.size() == 500) {
        contacts.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      contacts.insertMany(batch);
    }
    Files.write(Path.of(options.get("ids")), ids, StandardCharsets.UTF_8);
    Files.write(Path.of(options.get("prefixes")), prefixes, StandardCharsets.UTF_8);
    System.out.printf(
        "seeded %d contacts (%d search prefixes); the collection holds %d%n",
        count, prefixes.size(), contacts.estimatedDocumentCount());
  }

  /** GETs every contact through the API with a few threads and records its ETag. */
  private static void etags(Map<String, String> options) throws Exception {
    String base = options.getOrDefault("base-url", "http://127.0.0.1:9080");
    List<String> ids = Files.readAllLines(Path.of(options.get("ids")), StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> lines = new ArrayList<>(ids.size());
      for (String id : ids) {
        lines.add(
            pool.submit(
                () -> {
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(base + "/contacts/" + id))
                          .header("Accept", "application/vnd.api+json")
                          .timeout(Duration.ofSeconds(30))
                          .build();
                  HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                        "GET /contacts/" + id + " answered " + response.statusCode()
                            + ": is --uri the datastore the service uses?");
                  }
                  return id + " " + response.headers().firstValue("ETag").orElseThrow();
                }));
      }
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(options.get("out"))))) {
        for (Future<String> line : lines) {
          out.println(line.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("fetched %d ETags%n", ids.size());
  }

  private static void cleanup(MongoCollection<Document> contacts, Map<String, String> options)
      throws IOException {
    long deleted = 0;
    Path idsFile = Path.of(options.get("ids"));
    if (Files.exists(idsFile)) {
      List<ObjectId> ids = new ArrayList<>();
      for (String line : Files.readAllLines(idsFile, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          ids.add(new ObjectId(line.strip()));
        }
      }
      for (int from = 0; from < ids.size(); from += 500) {
        deleted += contacts.deleteMany(in("_id", ids.subList(from, Math.min(ids.size(), from + 500)))).getDeletedCount();
      }
    }
    // In batches: one deleteMany over a hundred thousand contacts can exhaust the heap of a
    // service that hosts the embedded datastore.
    while (true) {
      List<Object> batch = new ArrayList<>(1000);
      contacts.find(eq("companyName", options.get("marker"))).projection(new Document("_id", 1)).limit(1000)
          .forEach(document -> batch.add(document.get("_id")));
      if (batch.isEmpty()) {
        break;
      }
      deleted += contacts.deleteMany(in("_id", batch)).getDeletedCount();
    }
    System.out.printf(
        "deleted %d contacts the run created; the collection holds %d%n",
        deleted, contacts.estimatedDocumentCount());
  }

  private static void scaleLoad(MongoCollection<Document> contacts, Map<String, String> options) {
    long target = Long.parseLong(options.getOrDefault("count", "1000000"));
    long have = contacts.countDocuments();
    if (have >= target) {
      System.out.printf("the collection already holds %d contacts%n", have);
      return;
    }
    ContactGenerator generator = new ContactGenerator(ContactGenerator.DEFAULT_SEED + have);
    long started = System.nanoTime();
    List<Document> batch = new ArrayList<>(1000);
    for (long i = have; i < target; i++) {
      batch.add(ContactMapping.toDocument(new ObjectId(), 1, generator.next()));
      if (batch.size() == 1000 || i == target - 1) {
        contacts.insertMany(batch);
        batch.clear();
        if ((i + 1) % 100_000 == 0) {
          System.out.printf("  %d contacts, %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
        }
      }
    }
    System.out.printf(
        "loaded %d contacts in %.0f s; the collection holds %d%n",
        target - have, (System.nanoTime() - started) / 1e9, contacts.countDocuments());
  }

  /**
   * The page[after] cursor that opens page P: the position of the last contact of page P-1, in
   * the form Cursors writes it (base64url of {"s": sort, "v": sort values, "id": hex id}).
   */
  private static void scaleCursors(MongoCollection<Document> contacts, Map<String, String> options) {
    int page = Integer.parseInt(options.getOrDefault("page", "40000"));
    int size = Integer.parseInt(options.getOrDefault("size", "20"));
    long skip = (long) (page - 1) * size - 1;
    Document last = contacts.find().sort(Sorts.ascending("_id")).skip((int) skip).limit(1).first();
    if (last == null) {
      throw new IllegalStateException("the collection has fewer than " + (skip + 1) + " contacts");
    }
    System.out.println("DEFAULT " + cursor("", List.of(), last));
    Bson ca = eq("state", "CA");
    long matches = contacts.countDocuments(ca);
    // The deepest full page of the filtered order that still has a page after it.
    long filteredPage = Math.max(2, Math.min(page, matches / size - 1));
    Document filteredLast =
        contacts
            .find(ca)
            .sort(Sorts.ascending("lastName", "_id"))
            .skip((int) ((filteredPage - 1) * size - 1))
            .limit(1)
            .first();
    System.out.println("FILTERED_PAGE " + filteredPage);
    System.out.println("FILTERED_MATCHES " + matches);
    System.out.println("FILTERED " + cursor("lastName", List.of("lastName"), filteredLast));
  }

  private static String cursor(String sort, List<String> attributes, Document contact) {
    StringBuilder values = new StringBuilder();
    for (String attribute : attributes) {
      if (values.length() > 0) {
        values.append(',');
      }
      Object value = contact.get(attribute);
      values.append(value == null ? "null" : jsonString(value.toString()));
    }
    String json =
        "{\"s\":" + jsonString(sort) + ",\"v\":[" + values + "],\"id\":\""
            + contact.getObjectId("_id").toHexString() + "\"}";
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  /** Asks for the plans of the scale check's queries; the embedded datastore may not know explain. */
  private static void explain(MongoClient client, MongoCollection<Document> contacts, Map<String, String> options) {
    String db = options.getOrDefault("db", "test");
    String collection = contacts.getNamespace().getCollectionName();
    Map<String, Document> finds = new java.util.LinkedHashMap<>();
    finds.put("first page, default order", new Document("find", collection).append("sort", new Document("_id", 1)).append("limit", 21));
    finds.put(
        "filter[state]=CA&sort=lastName",
        new Document("find", collection)
            .append("filter", new Document("state", "CA"))
            .append("sort", new Document("lastName", 1).append("_id", 1))
            .append("limit", 21));
    finds.put(
        "filter[q]=smi",
        new Document("find", collection).append("filter", new Document("_search", new Document("$regex", "^smi"))).append("limit", 21));
    for (Map.Entry<String, Document> find : finds.entrySet()) {
      try {
        Document plan = client.getDatabase(db).runCommand(new Document("explain", find.getValue()).append("verbosity", "queryPlanner"));
        Object winning = plan.get("queryPlanner", new Document()).get("winningPlan");
        System.out.println("EXPLAIN " + find.getKey() + ": " + (winning == null ? plan.toJson() : ((Document) winning).toJson()));
      } catch (RuntimeException e) {
        System.out.println("EXPLAIN " + find.getKey() + ": not supported by this datastore (" + e.getMessage().replaceAll("\\s+", " ").replaceAll(" The full response.*", "") + ")");
      }
    }
    try {
      List<String> indexes = new ArrayList<>();
      for (Document index : contacts.listIndexes()) {
        indexes.add(index.getString("name"));
      }
      System.out.println("INDEXES listed by the datastore: " + String.join(", ", indexes));
    } catch (RuntimeException e) {
      System.out.println("INDEXES could not be listed (" + e.getMessage() + ")");
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an --option, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
