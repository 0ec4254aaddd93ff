package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.TestDatastore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

/**
 * The datastore stops under the running service and comes back on the same data file: the service
 * answers fast and truthfully throughout, recovers by itself, and loses no write it acknowledged.
 * Skipped on a datastore in Testcontainers, which cannot come back on the same port.
 */
@DisabledIf(
    value = "it.org.contacts.support.TestDatastore#isRealMongoDb",
    disabledReason =
        "the datastore runs in Testcontainers, which cannot restart it on the port the service"
            + " was configured with: this outage test runs on the embedded datastore only")
class DatastoreOutageIT extends DeployedServiceBase {

  /** The configured bound (1.5 s of server selection) with room for a loaded CI machine. */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

  @Test
  void outageIsAnsweredWith503AndReadinessDownThenRecoversWithoutLosingWrites() {
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      acknowledged.add(Api.createContact(Map.of("firstName", "Before" + i, "lastName", "Outage")));
    }
    String id = acknowledged.get(0);
    try {
      TestDatastore.stop();

      for (String[] request :
          new String[][] {
            {"GET", "/contacts/" + id, null},
            {"GET", "/contacts", null},
            {"POST", "/contacts", "{\"firstName\":\"During\",\"lastName\":\"Outage\"}"},
            {"PATCH", "/contacts/" + id, "{\"city\":\"Nowhere\"}"},
            {"DELETE", "/contacts/" + id, null}
          }) {
        long start = System.nanoTime();
        ApiResponse response = Api.send(request[0], request[1], request[2]);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(
            503,
            response.status(),
            () -> request[0] + " " + request[1] + " during the outage: " + response);
        assertEquals(
            "Datastore is unreachable", response.error().getString("title"), "names the outage");
        assertEquals(
            "unreachable", response.error().getString("code", null), "and says it to a program");
        assertNotNull(response.header("Retry-After"), "tells the client when to retry");
        assertTrue(
            took.compareTo(ANSWER_BOUND) < 0,
            () -> request[0] + " answered in " + took + ", not a hang");
      }

      ApiResponse ready = Api.getUnchecked("/health/ready");
      assertEquals(503, ready.status(), "readiness is DOWN within one probe");
      assertEquals(503, Api.get("/readiness").status(), "and so is the original's readiness route");
      ApiResponse live = Api.getUnchecked("/health/live");
      assertEquals(200, live.status(), "liveness stays UP: an outage must not restart pods");
    } finally {
      TestDatastore.start();
    }

    Eventually.await(
        "the service serves again",
        Duration.ofSeconds(30),
        () -> Api.get("/contacts/" + id).status() == 200);
    assertEquals(200, Api.getUnchecked("/health/ready").status(), "ready again without a restart");
    for (String contact : acknowledged) {
      assertEquals(
          200,
          Api.get("/contacts/" + contact).status(),
          () -> "acknowledged contact " + contact + " survived");
      Api.deleteContact(contact);
    }
  }
}
