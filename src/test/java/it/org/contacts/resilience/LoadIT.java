package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two hundred clients at once, each making a fixed number of requests that mix reads and writes
 * against the embedded datastore: no server errors, no failed connections, and every contact
 * created can be read. The load is counted, not timed, so that a slow machine makes it slower, not
 * weaker.
 */
class LoadIT extends DeployedServiceBase {

  private static final int CLIENTS = 200;
  private static final int REQUESTS_PER_CLIENT = 10;
  private static final Duration BOUND = Duration.ofMinutes(3);

  @Test
  void twoHundredConcurrentClientsGetNoServerErrorsAndLoseNoContact() throws InterruptedException {
    String seed = Api.createContact(Map.of("firstName", "Load", "lastName", "Seed"));
    Queue<String> created = new ConcurrentLinkedQueue<>();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger posts = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch done = new CountDownLatch(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(
          () -> {
            Random random = new Random(client);
            try {
              for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                requests.incrementAndGet();
                // Every client writes at least once: its first request is a POST.
                ApiResponse response =
                    switch (r == 0 ? 0 : random.nextInt(10)) {
                      case 0, 1 -> {
                        posts.incrementAndGet();
                        yield Api.send(
                            "POST",
                            "/contacts",
                            "{\"firstName\":\"Load\",\"lastName\":\"Client " + client + "\"}");
                      }
                      case 2 ->
                          Api.send(
                              "PATCH", "/contacts/" + seed, "{\"city\":\"City " + client + "\"}");
                      case 3, 4 -> Api.get("/contacts?page[size]=10&sort=-lastName");
                      default -> Api.get("/contacts/" + seed);
                    };
                if (response.status() == 201) {
                  created.add(response.data().getString("id"));
                } else if (response.status() != 200) {
                  failures.add(response.toString());
                }
              }
            } catch (RuntimeException | AssertionError e) {
              failures.add(e.toString());
            } finally {
              done.countDown();
            }
          });
    }
    try {
      assertTrue(done.await(BOUND.toSeconds(), TimeUnit.SECONDS), "every client finished");
    } finally {
      clients.shutdownNow();
    }
    assertEquals(
        List.of(),
        failures.stream().limit(5).toList(),
        () -> failures.size() + " of " + requests + " requests failed");
    assertEquals(posts.get(), created.size(), "every POST created a contact");
    assertTrue(created.size() >= CLIENTS, () -> "every client wrote: " + created.size());
    for (String id : created) {
      assertEquals(
          200, Api.get("/contacts/" + id).status(), () -> "created contact " + id + " is readable");
    }
    created.forEach(Api::deleteContact);
    Api.deleteContact(seed);
  }
}
