package it.org.contacts.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.FaultProxy;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.datastore.embedded.EmbeddedMongo;
import org.contacts.model.Provenance;
import org.contacts.repository.ContactMapping;
import org.junit.jupiter.api.Test;

/**
 * Priming before readiness, on Liberty servers of their own: it writes nothing, hides nothing of a
 * caller's and lets no caller past authentication, ends by its bound, and gives up when the
 * datastore is down, after which readiness follows the datastore.
 */
class PrimingIT {

  private static final Pattern PRIMED =
      Pattern.compile("Primed in ([0-9.]+) s with ([0-9,]+) requests: ([^\\n]*)");
  private static final Pattern GAVE_UP =
      Pattern.compile("Priming gave up after [0-9.]+ s and [0-9,]+ requests: ([^\\n]*)");
  private static final Pattern CONTACTS_REQUEST_LINE =
      Pattern.compile("(GET|HEAD|POST|PATCH|PUT|DELETE) /contacts[/? ]");
  private static final Duration PRIMING_ENDS = Duration.ofSeconds(180);

  @Test
  void primingReadsTheContactsItFindsWritesNothingAndIsNeitherLoggedNorCounted() {
    String database = "priming-" + UUID.randomUUID().toString().substring(0, 8);
    try (MongoClient client = MongoClients.create(TestDatastore.connectionString())) {
      MongoCollection<Document> contacts = client.getDatabase(database).getCollection("contacts");
      for (int i = 0; i < 30; i++) {
        contacts.insertOne(
            ContactMapping.toDocument(
                new ObjectId(),
                1 + i % 3,
                Map.of(
                    "firstName",
                    "Ada" + i,
                    "lastName",
                    "Lovelace",
                    "email",
                    "ada" + i + "@example.org",
                    "state",
                    i % 2 == 0 ? "CA" : "NY",
                    "city",
                    "London"),
                Provenance.UNKNOWN));
      }
      List<Document> before = contacts.find().sort(new Document("_id", 1)).into(new ArrayList<>());
      try (LibertyServer server =
          LibertyServer.start(
              "contacts-priming",
              Map.of(
                  "MONGO_URI",
                  TestDatastore.connectionString(),
                  "MONGO_DATABASE",
                  database,
                  "CONTACTS_PRIMING_ENABLED",
                  "true"))) {
        Matcher primed = awaitPrimed(server);
        assertTrue(
            Long.parseLong(primed.group(2).replace(",", "")) > before.size(),
            () -> "priming read each contact it found, and more: " + primed.group());
        assertEquals(
            before,
            contacts.find().sort(new Document("_id", 1)).into(new ArrayList<>()),
            "priming created, changed and deleted no contact: documents and versions as before");
        assertReady(server);
        String logs = server.logs();
        assertFalse(
            CONTACTS_REQUEST_LINE.matcher(logs).find(),
            "no priming request is logged as a request line");
        assertFalse(
            metrics(server).contains("route=\"/contacts"),
            "no priming request is counted in the request metrics");

        ApiResponse own = Api.send(server.request("/contacts").build());
        assertEquals(200, own.status(), () -> "the service serves after priming: " + own);
        Eventually.await(
            "a caller's request is logged and counted as before",
            Duration.ofSeconds(30),
            () ->
                CONTACTS_REQUEST_LINE.matcher(server.logs()).find()
                    && metrics(server).contains("route=\"/contacts\""));
      } finally {
        client.getDatabase(database).drop();
      }
    }
  }

  @Test
  void inJwtModeNoCallerGetsPastAuthenticationDuringOrAfterPrimingWhichEndsByItsBound()
      throws Exception {
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-priming-jwt",
            jwtPriming(
                TestDatastore.connectionString(),
                Map.of(
                    // A rate that never counts as levelled off: priming sends until its drain.
                    "CONTACTS_PRIMING_STEADY_WINDOWS",
                    "1000000",
                    // Long enough for the calls below to come while it runs, on a busy machine.
                    "CONTACTS_PRIMING_MAX_DURATION_MS",
                    "45000",
                    "CONTACTS_PRIMING_DRAIN_MS",
                    "5000")))) {
      String during = "outside-" + UUID.randomUUID();
      assertAllRefused(server, during);
      ApiResponse started = Api.sendUnchecked(server.request("/health/started").build());
      assertEquals(
          503, started.status(), () -> "those calls came while priming ran: " + started.body());
      assertEquals(
          503,
          Api.sendUnchecked(server.request("/health/ready").build()).status(),
          "not ready while priming");

      Matcher primed = awaitPrimed(server);
      assertTrue(
          primed.group(3).contains("stopped sending 5000 ms before"),
          () -> "a rate that never levels off stops sending at the drain: " + primed.group());
      assertTrue(
          Double.parseDouble(primed.group(1)) < 50,
          () ->
              "priming ends by its 45 s bound, give or take a request in flight: "
                  + primed.group());
      assertReady(server);
      assertAllRefused(server, "outside-" + UUID.randomUUID());
      Eventually.await(
          "a request that copies the marker's header is logged like any other",
          Duration.ofSeconds(30),
          () -> server.logs().contains(during));
    }
  }

  @Test
  void inJwtModeADatastoreSlowerThanTheDeadlineForAMomentDoesNotEndPriming() throws Exception {
    try (FaultProxy proxy = TestDatastore.throughFaultProxy(Duration.ofMinutes(5));
        LibertyServer server =
            LibertyServer.start(
                "contacts-priming-slow",
                jwtPriming(
                    proxy.connectionString(""),
                    Map.of(
                        "MONGO_TIMEOUT_MS",
                        "1000",
                        // Sends until its drain, long enough for the slow moment below.
                        "CONTACTS_PRIMING_STEADY_WINDOWS",
                        "1000000",
                        "CONTACTS_PRIMING_MAX_DURATION_MS",
                        "40000",
                        "CONTACTS_PRIMING_DRAIN_MS",
                        "3000")))) {
      // Slower than the 1 s deadline, but well within the driver's 5 s patience for a heartbeat:
      // the datastore is slow, not gone, as a cold service's first reads can find it.
      proxy.delayReplies(Duration.ofMillis(1500));
      Eventually.await(
          "priming's reads in the process are refused as too slow",
          PRIMING_ENDS,
          () -> server.logs().contains("Datastore too_slow"));
      proxy.delayReplies(Duration.ZERO);

      Matcher primed = awaitPrimed(server);
      assertFalse(
          GAVE_UP.matcher(server.logs()).find(),
          () -> "priming did not give up: " + primed.group());
      assertTrue(
          primed.group(3).matches(".*rode out [0-9,]+ refusals .*too_slow [0-9,]+.*"),
          () -> "it says how many too-slow refusals it rode out: " + primed.group());
      assertReady(server);
    }
  }

  @Test
  void withTheDatastoreDownPrimingGivesUpAndReadinessThenFollowsTheDatastore() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createTempDirectory("priming-datastore").resolve("contacts.mv");
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-priming-down",
            Map.of(
                "MONGO_URI", "mongodb://127.0.0.1:" + port, "CONTACTS_PRIMING_ENABLED", "true"))) {
      Eventually.await(
          "priming gives up", PRIMING_ENDS, () -> GAVE_UP.matcher(server.logs()).find());
      Matcher gaveUp = GAVE_UP.matcher(server.logs());
      assertTrue(gaveUp.find(), "the log says priming gave up");
      assertTrue(
          gaveUp.group(1).contains("the datastore is unreachable"),
          () -> "and why: " + gaveUp.group());
      assertEquals(
          200,
          Api.sendUnchecked(server.request("/health/started").build()).status(),
          "started once priming ended");
      ApiResponse ready = Api.sendUnchecked(server.request("/health/ready").build());
      assertEquals(503, ready.status(), "not ready without the datastore");
      assertTrue(
          ready.body().contains("\"mongodb\"") && ready.body().contains("DOWN"),
          () -> "readiness names the datastore: " + ready.body());

      try (EmbeddedMongo datastore = EmbeddedMongo.start(data, port)) {
        Eventually.await(
            "readiness follows the datastore once it answers",
            Duration.ofSeconds(60),
            () -> Api.sendUnchecked(server.request("/health/ready").build()).status() == 200);
      }
    }
  }

  @Test
  void aServiceTooBusyToAnswerEveryPrimingRequestIsStillPrimedNotGivenUp() {
    int processors = Runtime.getRuntime().availableProcessors();
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-priming-busy",
            Map.of(
                "MONGO_URI",
                TestDatastore.connectionString(),
                "CONTACTS_PRIMING_ENABLED",
                "true",
                // One place per processor and no wait for one, against four senders per
                // processor: the admission line refuses many of priming's own requests as
                // overloaded, as it refuses callers' on a cold JVM under load from launch.
                "CONTACTS_ADMISSION_PER_PROCESSOR",
                "1",
                "CONTACTS_ADMISSION_QUEUE_TIMEOUT_MS",
                "0",
                "CONTACTS_PRIMING_CONNECTIONS",
                Integer.toString(4 * processors),
                "CONTACTS_PRIMING_STEADY_WINDOWS",
                "1000000",
                "CONTACTS_PRIMING_MAX_DURATION_MS",
                "12000",
                "CONTACTS_PRIMING_DRAIN_MS",
                "3000"))) {
      Matcher primed = awaitPrimed(server);
      assertFalse(
          GAVE_UP.matcher(server.logs()).find(),
          () -> "priming did not give up: " + primed.group());
      assertTrue(
          primed.group(3).contains("stopped sending 3000 ms before")
              && primed.group(3).matches(".*rode out [0-9,]+ refusals .*overloaded [0-9,]+.*"),
          () ->
              "it sent to its drain and says how many busy answers it rode out: " + primed.group());
      assertReady(server);
      assertEquals(
          200,
          Api.sendUnchecked(server.request("/contacts").build()).status(),
          "the service serves after priming");
    }
  }

  /** Calls from outside the process, without a valid token: each must be refused with 401. */
  private static void assertAllRefused(LibertyServer server, String requestId) {
    List<HttpRequest> calls =
        List.of(
            server.request("/contacts").GET().build(),
            server
                .request("/contacts")
                .header("X-Contacts-Priming", "copied-from-a-priming-request")
                .header("X-Request-Id", requestId)
                .GET()
                .build(),
            server
                .request("/contacts/000000000000000000000000")
                .header("Authorization", "Bearer not-a-token")
                .GET()
                .build(),
            server
                .request("/contacts")
                .header("Content-Type", Api.JSON_API)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"data\":{\"type\":\"contacts\",\"attributes\":"
                            + "{\"firstName\":\"A\",\"lastName\":\"B\"}}}"))
                .build());
    for (HttpRequest call : calls) {
      ApiResponse response = Api.send(call);
      assertEquals(401, response.status(), () -> call + " without a valid token: " + response);
    }
  }

  private static Matcher awaitPrimed(LibertyServer server) {
    Eventually.await(
        "priming ends and says so", PRIMING_ENDS, () -> PRIMED.matcher(server.logs()).find());
    Matcher primed = PRIMED.matcher(server.logs());
    assertTrue(primed.find(), "the log says how priming ended");
    return primed;
  }

  private static void assertReady(LibertyServer server) {
    Eventually.await(
        "readiness comes UP after priming",
        Duration.ofSeconds(30),
        () -> Api.sendUnchecked(server.request("/health/ready").build()).status() == 200);
    ApiResponse ready = Api.sendUnchecked(server.request("/health/ready").build());
    assertTrue(
        ready.body().contains("\"priming\""), () -> "readiness names priming: " + ready.body());
  }

  private static String metrics(LibertyServer server) {
    return Api.sendUnchecked(server.request("/metrics?scope=application").build()).body();
  }

  /** A server in jwt mode that primes, on this datastore, with these settings besides. */
  private static Map<String, String> jwtPriming(String mongoUri, Map<String, String> settings)
      throws Exception {
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(
        Map.of(
            "CONTACTS_AUTH_MODE",
            "jwt",
            "MONGO_URI",
            mongoUri,
            "MP_JWT_VERIFY_PUBLICKEY",
            publicKeyPem(),
            "MP_JWT_VERIFY_ISSUER",
            "https://issuer.priming.test",
            "keystore_password",
            UUID.randomUUID().toString(),
            "CONTACTS_PRIMING_ENABLED",
            "true"));
    return environment;
  }

  private static String publicKeyPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }
}
