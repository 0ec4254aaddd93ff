package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.ConcurrentClients;
import it.org.contacts.support.ConcurrentClients.Call;
import it.org.contacts.support.ConcurrentClients.Probe;
import it.org.contacts.support.Eventually;
import it.org.contacts.support.FaultProxy;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Fifty clients read and create contacts while the datastore, behind a proxy, first answers late
 * and then not at all, its connections left hanging. The service never lets liveness fail, answers
 * every call in time with a success or a 503 that says which trouble it is, takes itself out of
 * readiness while the datastore is cut off, recovers by itself, and loses no write it acknowledged.
 */
class SlowDatastoreIT {

  private static final Logger LOG = Logger.getLogger(SlowDatastoreIT.class.getName());

  private static final int CLIENTS = 50;
  private static final int BULKHEAD = 16;
  private static final Duration DEADLINE = Duration.ofMillis(2000);

  /** Every call answers within the deadline plus this. */
  private static final Duration MARGIN = Duration.ofSeconds(1);

  /** Slower than a healthy datastore, within the driver's heartbeat patience (5 s). */
  private static final Duration SLOW_REPLIES = Duration.ofMillis(1200);

  private static final Duration SLOW_PHASE = Duration.ofSeconds(10);

  /** Long enough for the driver's monitor (heartbeat 0.5 s, patience 5 s) to give up. */
  private static final Duration PARTITION = Duration.ofSeconds(12);

  @Test
  void slowThenCutOffDatastoreNeverTakesLivenessDownAndEveryCallAnswersInTime() {
    try (FaultProxy proxy = TestDatastore.throughFaultProxy(Duration.ofMinutes(5));
        LibertyServer server = LibertyServer.start("contacts-slow-datastore", environment(proxy))) {
      server.awaitReady(Duration.ofSeconds(60));
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        acknowledged.add(
            server.createContact(Map.of("firstName", "Before" + i, "lastName", "Slow")));
      }

      List<Call> calls;
      List<Probe> probes;
      long partitionStart;
      long partitionEnd;
      try (ConcurrentClients clients =
          ConcurrentClients.start(server.base(), CLIENTS, acknowledged, Duration.ofSeconds(60))) {
        proxy.delayReplies(SLOW_REPLIES);
        awaitPhase(clients, SLOW_PHASE.toMillis());
        partitionStart = clients.elapsedMillis();
        proxy.partition();
        awaitPhase(clients, partitionStart + PARTITION.toMillis());
        partitionEnd = clients.elapsedMillis();
        proxy.delayReplies(Duration.ZERO);
        proxy.heal();
        clients.close();
        calls = clients.calls();
        probes = clients.probes();
        LOG.info("Slow, then cut-off datastore: " + clients.report());
      }

      Eventually.await(
          "the service serves and is ready again within 15 s of the network healing",
          Duration.ofSeconds(15),
          () ->
              Api.sendUnchecked(server.request("/contacts/" + acknowledged.get(0)).build()).status()
                      == 200
                  && Api.sendUnchecked(server.request("/health/ready").build()).status() == 200);

      assertLivenessAnsweredEveryProbeInTime(probes);
      assertEveryCallAnsweredInTimeWithSuccessOrARefusal(calls);
      assertTrue(
          probes.stream()
              .anyMatch(
                  p ->
                      p.path().equals("/health/ready")
                          && p.status() == 503
                          && p.atMillis() > partitionStart
                          && p.atMillis() <= partitionEnd + 1000),
          "readiness went DOWN while the datastore was cut off");
      assertTroublesAreToldApart(calls);

      calls.stream().map(Call::id).filter(Objects::nonNull).forEach(acknowledged::add);
      for (String id : acknowledged) {
        ApiResponse read = Api.sendUnchecked(server.request("/contacts/" + id).build());
        assertEquals(200, read.status(), () -> "acknowledged contact " + id + " is still there");
      }
    }
  }

  private static Map<String, String> environment(FaultProxy proxy) {
    return Map.of(
        "MONGO_URI",
        proxy.connectionString("&heartbeatFrequencyMS=500"),
        "MONGO_DATABASE",
        "slow-datastore-it",
        "MONGO_TIMEOUT_MS",
        Long.toString(DEADLINE.toMillis()),
        "MONGO_MAX_CONCURRENT_REQUESTS",
        Integer.toString(BULKHEAD));
  }

  /** Lets the clients run until this far into the run; the phases are measured, not slept. */
  private static void awaitPhase(ConcurrentClients clients, long untilMillis) {
    Eventually.await(
        "the phase ends",
        Duration.ofMillis(untilMillis - clients.elapsedMillis() + 5_000),
        () -> clients.elapsedMillis() >= untilMillis);
  }

  private static void assertLivenessAnsweredEveryProbeInTime(List<Probe> probes) {
    List<Probe> live = probes.stream().filter(p -> p.path().equals("/health/live")).toList();
    assertTrue(live.size() >= 10, () -> "liveness was probed throughout: " + live.size());
    List<Probe> late = live.stream().filter(p -> p.status() != 200 || p.millis() > 1000).toList();
    assertTrue(late.isEmpty(), () -> "liveness answered 200 within 1 s on every probe: " + late);
  }

  private static void assertEveryCallAnsweredInTimeWithSuccessOrARefusal(List<Call> calls) {
    assertTrue(calls.size() >= CLIENTS, () -> "the clients called: " + calls.size());
    long bound = DEADLINE.plus(MARGIN).toMillis();
    List<Call> wrong =
        calls.stream()
            .filter(
                c ->
                    !(c.status() == 200 && c.method().equals("GET")
                        || c.status() == 201 && c.method().equals("POST")
                        || c.isRetryableRefusal()))
            .toList();
    assertTrue(
        wrong.isEmpty(),
        () ->
            "every call is a success or a 503 with Retry-After and an errors document: "
                + wrong.subList(0, Math.min(10, wrong.size()))
                + " of "
                + ConcurrentClients.summary(calls));
    List<Call> late = calls.stream().filter(c -> c.millis() > bound).toList();
    assertTrue(
        late.isEmpty(),
        () ->
            late.size()
                + " calls took longer than "
                + bound
                + " ms, such as "
                + late.subList(0, Math.min(10, late.size())));
  }

  private static void assertTroublesAreToldApart(List<Call> calls) {
    Map<String, Long> summary = ConcurrentClients.summary(calls);
    for (String title :
        List.of(
            "Datastore did not answer in time",
            "Datastore is unreachable",
            "Service is overloaded")) {
      assertTrue(
          calls.stream().anyMatch(c -> title.equals(c.title())),
          () -> "some call was refused as \"" + title + "\": " + summary);
    }
  }
}
