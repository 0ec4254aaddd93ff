package org.contacts.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.contacts.jsonapi.ApiException;
import org.contacts.telemetry.RequestTelemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who gets to work at once, who waits in line, and who is told to come back later. */
class AdmissionFilterTest {

  private final ExecutorService clients = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger refusals = new AtomicInteger();

  @AfterEach
  void stop() {
    release.countDown();
    clients.shutdownNow();
  }

  @Test
  void aRequestBeyondTheLimitIsRefusedAsOverloadedWithRetryAfter() throws Exception {
    AdmissionFilter admission = new AdmissionFilter(2, 50, 5, refusals::incrementAndGet);
    holdAtWork(admission, 2);

    HttpServletRequest third = request("GET", "/contacts/5f0c", Map.of());
    boolean[] served = new boolean[1];
    admission.doFilter(third, null, (req, res) -> served[0] = true);

    assertTrue(served[0], "the refused request still goes on, for JAX-RS to answer it");
    ApiException refusal = refusalOf(third);
    assertEquals(503, refusal.status(), "refused as not now");
    assertEquals("Service is overloaded", refusal.errors().get(0).title(), "the title says why");
    assertEquals(
        "overloaded", refusal.errors().get(0).code(), "its code is the datastore gate's for busy");
    assertEquals("5", refusal.headers().get("Retry-After"), "it says when to try again");
    assertEquals(2, admission.atWork(), "the refused request took no place");
    assertEquals(1, refusals.get(), "the refusal is counted");
  }

  @Test
  void onlyARequestThatWaitedInLineSaysSinceWhenSoThatItsTimeIncludesTheWait() throws Exception {
    AdmissionFilter admission = new AdmissionFilter(1, 50, 5, refusals::incrementAndGet);
    HttpServletRequest first = request("GET", "/contacts", Map.of());
    admission.doFilter(first, null, (req, res) -> {});
    assertNull(
        first.getAttribute(RequestTelemetry.WAITING_SINCE), "a place was free: no wait to count");

    holdAtWork(admission, 1);
    HttpServletRequest second = request("GET", "/contacts", Map.of());
    long before = System.nanoTime();
    admission.doFilter(second, null, (req, res) -> {});
    assertTrue(
        second.getAttribute(RequestTelemetry.WAITING_SINCE) instanceof Long since
            && since - before >= 0,
        "the request that waited says since when");
  }

  @Test
  void aRequestInLineEntersWhenAPlaceComesFree() throws Exception {
    AdmissionFilter admission = new AdmissionFilter(1, 10_000, 5, refusals::incrementAndGet);
    List<CompletableFuture<Void>> working = holdAtWork(admission, 1);

    HttpServletRequest waiting = request("POST", "/contacts", Map.of());
    CompletableFuture<Void> served = serve(admission, waiting, new CountDownLatch(0));
    assertFalse(served.isDone(), "the second request waits while the first is at work");
    release.countDown();
    working.get(0).get(5, TimeUnit.SECONDS);
    served.get(5, TimeUnit.SECONDS);

    assertFalse(ServletRefusalFilter.isRefused(waiting), "it was served, not refused");
    assertEquals(0, refusals.get(), "no refusal is counted");
    assertEquals(0, admission.atWork(), "every place is given back");
  }

  @Test
  void exportsImportsAndTheChangeFeedPassOutsideAFullLine() throws Exception {
    AdmissionFilter admission = new AdmissionFilter(1, 0, 5, refusals::incrementAndGet);
    holdAtWork(admission, 1);

    for (HttpServletRequest longRequest :
        List.of(
            request("GET", "/contacts", Map.of("Accept", "text/csv")),
            request("GET", "/contacts", Map.of("Accept", "Text/VCard;version=3.0")),
            request("POST", "/contacts", Map.of("Content-Type", "text/vcard")),
            request("GET", "/contacts/changes", Map.of("Accept", "text/event-stream")))) {
      admission.doFilter(longRequest, null, (req, res) -> {});
      assertFalse(
          ServletRefusalFilter.isRefused(longRequest),
          longRequest.getMethod() + " " + longRequest.getRequestURI() + " is not queued");
    }
    HttpServletRequest read = request("GET", "/contacts", Map.of("Accept", "application/json"));
    admission.doFilter(read, null, (req, res) -> {});
    assertTrue(ServletRefusalFilter.isRefused(read), "a read of JSON is queued and refused");
  }

  @Test
  void aRequestAlreadyRefusedTakesNoPlace() throws Exception {
    AdmissionFilter admission = new AdmissionFilter(1, 0, 5, refusals::incrementAndGet);
    HttpServletRequest malformed = request("GET", "/contacts", Map.of());
    ApiException badQuery = new ApiException(org.contacts.jsonapi.ErrorObject.of(400, "Bad", null));
    ServletRefusalFilter.refuse(malformed, badQuery);
    int[] atWorkDuring = new int[1];
    admission.doFilter(malformed, null, (req, res) -> atWorkDuring[0] = admission.atWork());

    assertEquals(0, atWorkDuring[0], "it went on without a place");
    assertEquals(badQuery, refusalOf(malformed), "the first refusal stands");
  }

  /** Puts so many requests at work, each held until the test releases them. */
  private List<CompletableFuture<Void>> holdAtWork(AdmissionFilter admission, int count)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(count);
    List<CompletableFuture<Void>> working =
        java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> serve(admission, request("GET", "/contacts/" + i, Map.of()), entered))
            .toList();
    assertTrue(entered.await(5, TimeUnit.SECONDS), count + " requests are at work");
    return working;
  }

  private CompletableFuture<Void> serve(
      AdmissionFilter admission, HttpServletRequest request, CountDownLatch entered) {
    FilterChain held =
        (req, res) -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    return CompletableFuture.runAsync(
        () -> {
          try {
            admission.doFilter(request, null, held);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        clients);
  }

  private static ApiException refusalOf(HttpServletRequest request) {
    return (ApiException)
        Collections.list(request.getAttributeNames()).stream()
            .map(request::getAttribute)
            .filter(ApiException.class::isInstance)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the request was marked refused"));
  }

  /** A request with this method, path (no context root) and headers, one value each. */
  private static HttpServletRequest request(
      String method, String path, Map<String, String> headers) {
    Map<String, Object> attributes = new HashMap<>();
    Map<String, String> byName = new HashMap<>();
    headers.forEach((name, value) -> byName.put(name.toLowerCase(), value));
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> path;
                  case "getContextPath" -> "";
                  case "getHeaders" -> {
                    String value = byName.get(((String) args[0]).toLowerCase());
                    yield Collections.enumeration(value == null ? List.of() : List.of(value));
                  }
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "toString" -> method + " " + path;
                  default -> null;
                });
  }
}
