package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.FaultProxy;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.contacts.controller.ContactImporter;
import org.junit.jupiter.api.Test;

/**
 * The datastore is cut off, behind a proxy, while a large file is being imported: after the first
 * batch is stored and before the last. The client gets a report of what was stored and where the
 * import stopped, and the datastore holds exactly that: every contact the report lists, none after
 * the batch it names, and of that batch at most its records.
 */
class DatastoreCutDuringImportIT {

  private static final String DATABASE = "import-cut-it";

  private static final int RECORDS = 30 * ContactImporter.BATCH_SIZE;

  /**
   * Each batch takes two round trips (the email look-up and the write), so an import of thirty
   * batches takes many seconds: the cut lands between its first batch and its last.
   */
  private static final Duration SLOW_REPLIES = Duration.ofMillis(300);

  @Test
  void aCutPartWayIsReportedAndTheDatastoreHoldsExactlyWhatTheReportSays() throws Exception {
    String tag = "cut" + UUID.randomUUID().toString().substring(0, 8);
    ConnectionString datastore = new ConnectionString(TestDatastore.connectionString());
    try (MongoClient direct = MongoClients.create(datastore);
        FaultProxy proxy = TestDatastore.throughFaultProxy(Duration.ofMinutes(5));
        LibertyServer server = LibertyServer.start("contacts-import-cut", environment(proxy))) {
      MongoCollection<Document> contacts = direct.getDatabase(DATABASE).getCollection("contacts");
      server.awaitReady(Duration.ofSeconds(60));
      proxy.delayReplies(SLOW_REPLIES);

      HttpRequest post =
          server
              .request("/contacts")
              .timeout(Duration.ofMinutes(2))
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString(csv(tag)))
              .build();
      CompletableFuture<ApiResponse> answer = CompletableFuture.supplyAsync(() -> Api.send(post));
      // A contact of the second batch stored means the service had the first batch's answer.
      Eventually.await(
          "a second batch is being stored",
          Duration.ofSeconds(60),
          () ->
              contacts.countDocuments(Filters.eq("companyName", tag)) > ContactImporter.BATCH_SIZE);
      proxy.close();
      ApiResponse report = answer.get(2, TimeUnit.MINUTES);

      assertEquals(200, report.status(), () -> "some stored, then stopped: " + report);
      JsonObject attributes = report.attributes();
      Set<String> reported =
          attributes.getJsonArray("ids").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .collect(Collectors.toSet());
      assertEquals(attributes.getInt("created"), reported.size(), "created counts the ids");
      JsonObject stopped = attributes.getJsonObject("stopped");
      assertEquals("503", stopped.getString("status"), () -> "the stop is a 503: " + stopped);
      int from = stopped.getJsonObject("meta").getInt("fromRecord");
      int to = stopped.getJsonObject("meta").getInt("toRecord");
      assertTrue(from > 1 && to < RECORDS, () -> "stopped part way: " + stopped);

      Map<String, Integer> stored = storedRecordNumbers(contacts, tag);
      assertTrue(
          stored.keySet().containsAll(reported),
          () -> "every contact the report lists is stored: " + report);
      List<Integer> unreported =
          stored.entrySet().stream()
              .filter(contact -> !reported.contains(contact.getKey()))
              .map(Map.Entry::getValue)
              .sorted()
              .toList();
      assertTrue(
          unreported.stream().allMatch(record -> record >= from && record <= to),
          () ->
              "a stored contact the report does not list is a record of the stopped batch "
                  + from
                  + " to "
                  + to
                  + ": "
                  + unreported);
      assertEquals(
          reported.size(),
          stored.values().stream().filter(record -> record < from).count(),
          "the records before the stop that were stored are those the report lists");
    } finally {
      try (MongoClient direct = MongoClients.create(datastore)) {
        direct.getDatabase(DATABASE).drop();
      }
    }
  }

  private static Map<String, String> environment(FaultProxy proxy) {
    return Map.of(
        "MONGO_URI",
        proxy.connectionString("&heartbeatFrequencyMS=500"),
        "MONGO_DATABASE",
        DATABASE,
        "MONGO_TIMEOUT_MS",
        "2000");
  }

  /** The original author's sample shape; record i (from 1) has the email address p{i}.{tag}@. */
  private static String csv(String tag) {
    StringBuilder csv = new StringBuilder("first_name,last_name,company_name,email\r");
    for (int i = 1; i <= RECORDS; i++) {
      csv.append(String.format("Person%d,Cut,%s,p%d.%s@example.org\r", i, tag, i, tag));
    }
    return csv.toString();
  }

  /** The stored contacts of this test, by id, with the number of the record each came from. */
  private static Map<String, Integer> storedRecordNumbers(
      MongoCollection<Document> contacts, String tag) {
    Map<String, Integer> stored = new HashMap<>();
    for (Document contact : contacts.find(Filters.eq("companyName", tag))) {
      String email = contact.getString("email");
      stored.put(
          contact.getObjectId("_id").toHexString(),
          Integer.parseInt(email.substring(1, email.indexOf('.'))));
    }
    return stored;
  }
}
