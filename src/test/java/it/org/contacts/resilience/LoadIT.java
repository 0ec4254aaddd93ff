package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * weaker. More clients than the datastore's bulkhead lets wait may be refused at once with 503
 * "Service is overloaded" and Retry-After: that is the service shedding load as designed, not a
 * failure.
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
    AtomicInteger shed = new AtomicInteger();
    AtomicInteger shedPosts = new AtomicInteger();
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
                int choice = r == 0 ? 0 : random.nextInt(10);
                boolean post = choice <= 1;
                if (post) {
                  posts.incrementAndGet();
                }
                ApiResponse response =
                    switch (choice) {
                      case 0, 1 -> {
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
                } else if (isLoadShed(response)) {
                  shed.incrementAndGet();
                  if (post) {
                    shedPosts.incrementAndGet();
                  }
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
        () ->
            failures.size()
                + " of "
                + requests
                + " requests failed ("
                + shed
                + " more were shed as overload)");
    assertEquals(
        posts.get(), created.size() + shedPosts.get(), "every POST created a contact or was shed");
    assertFalse(created.isEmpty(), "the load wrote contacts");
    for (String id : created) {
      assertEquals(
          200, Api.get("/contacts/" + id).status(), () -> "created contact " + id + " is readable");
    }
    created.forEach(Api::deleteContact);
    Api.deleteContact(seed);
  }

  private static boolean isLoadShed(ApiResponse response) {
    return response.status() == 503
        && response.header("Retry-After") != null
        && "Service is overloaded".equals(response.error().getString("title"));
  }
}
