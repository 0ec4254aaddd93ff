package org.contacts.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate lets a bounded number of requests wait on the datastore and says why it refused. */
class DatastoreGateTest {

  private final List<Kind> counted = new ArrayList<>();
  private final ExecutorService waiting = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    waiting.shutdownNow();
  }

  private DatastoreGate gate(int permits, long timeoutMillis, boolean datastoreAnswers) {
    return gate(permits, 0, timeoutMillis, datastoreAnswers);
  }

  private DatastoreGate gate(
      int permits, long queueTimeoutMillis, long timeoutMillis, boolean datastoreAnswers) {
    return new DatastoreGate(
        permits, queueTimeoutMillis, timeoutMillis, () -> datastoreAnswers, counted::add);
  }

  /** Datastore work that says it is inside, then holds its place until released. */
  private static Supplier<Boolean> heldUntil(CountDownLatch inside, CountDownLatch release) {
    return () -> {
      inside.countDown();
      try {
        return release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    };
  }

  @Test
  void requestBeyondTheBoundIsRefusedAtOnceAndLetThroughOnceOneFinishes()
      throws InterruptedException {
    DatastoreGate gate = gate(2, 2000, true);
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      waiting.execute(() -> gate.call(heldUntil(inside, release)));
    }
    inside.await();
    DatastoreUnavailableException refused =
        assertThrows(DatastoreUnavailableException.class, () -> gate.call(() -> "third"));
    assertEquals(Kind.OVERLOADED, refused.kind(), "the third of two is refused as overload");
    assertEquals(List.of(Kind.OVERLOADED), counted, "and counted");
    release.countDown();
    waiting.shutdown();
    waiting.awaitTermination(30, TimeUnit.SECONDS);
    assertEquals("again", gate.call(() -> "again"), "finished requests give their places back");
  }

  @Test
  void requestBeyondTheBoundWaitsItsTurnThenIsServedOrRefused() throws Exception {
    DatastoreGate gate = gate(1, 30_000, 60_000, true);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    waiting.execute(() -> gate.call(heldUntil(inside, release)));
    inside.await();
    Future<String> second = waiting.submit(() -> gate.call(() -> "second"));
    while (gate.queued() == 0 && !second.isDone()) {
      Thread.onSpinWait(); // until the second request waits for its turn (or was refused)
    }
    release.countDown();
    assertEquals("second", second.get(30, TimeUnit.SECONDS), "served once the first is done");
    assertEquals(List.of(), counted, "nothing refused");

    DatastoreGate full = gate(0, 1, 60_000, true);
    assertEquals(
        Kind.OVERLOADED,
        assertThrows(DatastoreUnavailableException.class, () -> full.call(() -> "never")).kind(),
        "a turn that does not come within the wait is refused as overload");
  }

  @Test
  void failedRequestsGiveTheirPlacesBack() {
    DatastoreGate gate = gate(1, 2000, true);
    for (int i = 0; i < 3; i++) {
      assertThrows(
          DatastoreUnavailableException.class,
          () ->
              gate.call(
                  () -> {
                    throw new MongoSocketOpenException("refused", new ServerAddress());
                  }));
    }
    assertEquals("served", gate.call(() -> "served"), "one place, still free");
    assertEquals(List.of(Kind.UNREACHABLE, Kind.UNREACHABLE, Kind.UNREACHABLE), counted);
  }

  @Test
  void timeoutOfADatastoreTheDriverStillHearsIsSlownessOtherwiseAnOutage() {
    MongoOperationTimeoutException timeout = new MongoOperationTimeoutException("deadline");
    assertEquals(
        Kind.TOO_SLOW,
        assertThrows(
                DatastoreUnavailableException.class, () -> gate(4, 2000, true).call(fail(timeout)))
            .kind(),
        "the monitor hears it: slow");
    assertEquals(
        Kind.UNREACHABLE,
        assertThrows(
                DatastoreUnavailableException.class, () -> gate(4, 2000, false).call(fail(timeout)))
            .kind(),
        "the monitor hears nothing: unreachable");
  }

  @Test
  void workPastItsDeadlineIsRefusedBeforeItReachesTheDatastore() {
    DatastoreUnavailableException late =
        assertThrows(
            DatastoreUnavailableException.class,
            () -> gate(4, 0, true).call(() -> DatastoreDeadline.bound(null)));
    assertEquals(Kind.TOO_SLOW, late.kind(), "no time left: too slow, and no call is made");
  }

  @Test
  void otherFailuresPassUnchanged() {
    MongoException duplicate = new MongoException(11000, "E11000 duplicate key");
    assertSame(
        duplicate,
        assertThrows(MongoException.class, () -> gate(4, 2000, true).call(fail(duplicate))),
        "a failure that is no outage, slowness or overload is not the gate's to translate");
    assertEquals(List.of(), counted, "nor to count");
  }

  private static Supplier<Object> fail(RuntimeException failure) {
    return () -> {
      throw failure;
    };
  }
}
