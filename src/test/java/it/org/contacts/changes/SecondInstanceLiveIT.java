package it.org.contacts.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.Metrics;
import it.org.contacts.support.TestDatastore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second instance of the service on the same datastore, serving at most one live client: a write
 * through the shared server reaches its live clients, and a client over the bound is refused.
 */
class SecondInstanceLiveIT extends DeployedServiceBase {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static LibertyServer second;

  @BeforeAll
  static void startSecondInstance() {
    second =
        LibertyServer.start(
            "contacts-second-instance",
            Map.of(
                "MONGO_URI",
                TestDatastore.connectionString(),
                "CONTACTS_AUTH_MODE",
                "none",
                "CONTACTS_CHANGES_LIVE_MAX_CLIENTS",
                "1",
                // frequent heartbeats, so that a client gone is noticed soon and frees its place
                "CONTACTS_CHANGES_LIVE_HEARTBEAT_MS",
                "500"));
  }

  @AfterAll
  static void stopSecondInstance() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void aWriteThroughOneInstanceReachesALiveClientOfAnother() throws Exception {
    try (LiveClient client =
        LiveClient.open(second.base().resolve("/contacts/changes")).awaitSubscribed(WAIT)) {
      String id = Api.createContact(Map.of("firstName", "Other", "lastName", "Instance"));
      Api.deleteContact(id);

      assertEquals(2, client.changesUntilDeleted(id, WAIT).size(), "created, then deleted");
    }
  }

  /** The live connections the second instance counts, from its metrics. */
  private static int liveConnections() {
    return (int) Metrics.value(second, "contacts_changes_live_connections");
  }

  @Test
  void aLiveClientOverTheBoundIsRefusedWithAClearError() throws Exception {
    URI stream = second.base().resolve("/contacts/changes");
    Eventually.await("no live client on the second instance", WAIT, () -> liveConnections() == 0);
    try (LiveClient admitted = LiveClient.open(stream).awaitSubscribed(WAIT);
        LiveClient refused = LiveClient.open(stream)) {
      assertEquals(503, refused.status(), "over the bound of one");
      assertTrue(refused.header("Retry-After") != null, "says when to try again");
      assertEquals(1, liveConnections(), "the metrics count the one admitted");
    }
  }
}
