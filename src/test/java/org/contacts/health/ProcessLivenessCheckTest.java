package org.contacts.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each condition that makes a process unable to serve turns liveness DOWN, with the reason. */
class ProcessLivenessCheckTest {

  private ExecutorService pool;
  private final AtomicLong finished = new AtomicLong();

  @BeforeEach
  void pool() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  private static String reason(HealthCheckResponse response) {
    return String.valueOf(response.getData().orElseThrow().get("reason"));
  }

  @Test
  void healthyProcessIsUp() {
    HealthCheckResponse response =
        new ProcessLivenessCheck(new ProcessProbes(pool, finished::get), 1000, 0.95).call();
    assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), "a healthy JVM is alive");
  }

  @Test
  void deadlockedThreadsMakeItDown() throws InterruptedException {
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    CountDownLatch bothHeld = new CountDownLatch(2);
    Thread one = new Thread(() -> lockInOrder(first, second, bothHeld), "deadlock-one");
    Thread two = new Thread(() -> lockInOrder(second, first, bothHeld), "deadlock-two");
    one.start();
    two.start();
    try {
      bothHeld.await();
      ProcessProbes probes = new ProcessProbes(pool, finished::get);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (probes.deadlockedThreads() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // the second lock attempts are about to block
      }
      HealthCheckResponse response = new ProcessLivenessCheck(probes, 1000, 0.95).call();
      assertEquals(
          HealthCheckResponse.Status.DOWN, response.getStatus(), "deadlocked threads are fatal");
      assertTrue(reason(response).contains("deadlocked"), () -> "says why: " + reason(response));
    } finally {
      one.interrupt();
      two.interrupt();
      one.join();
      two.join();
    }
  }

  private static void lockInOrder(ReentrantLock a, ReentrantLock b, CountDownLatch bothHeld) {
    a.lock();
    try {
      bothHeld.countDown();
      bothHeld.await();
      b.lockInterruptibly();
      b.unlock();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      a.unlock();
    }
  }

  @Test
  void requestPoolThatRunsNothingOverTheWindowMakesItDown() throws InterruptedException {
    CountDownLatch release = occupyThePool();
    try {
      ProcessLivenessCheck check =
          new ProcessLivenessCheck(new ProcessProbes(pool, finished::get), 0, 0.95);
      assertEquals(
          HealthCheckResponse.Status.UP,
          check.call().getStatus(),
          "the first check only hands the pool a task; it never waits for a thread");
      awaitClockTick();
      HealthCheckResponse response = check.call();
      assertEquals(
          HealthCheckResponse.Status.DOWN,
          response.getStatus(),
          "the task waited past the window and no request finished meanwhile");
      assertTrue(reason(response).contains("thread pool"), () -> "says why: " + reason(response));
    } finally {
      release.countDown();
    }
  }

  @Test
  void busyRequestPoolThatStillFinishesRequestsIsUp() throws InterruptedException {
    CountDownLatch release = occupyThePool();
    try {
      ProcessLivenessCheck check =
          new ProcessLivenessCheck(new ProcessProbes(pool, finished::get), 0, 0.95);
      check.call();
      awaitClockTick();
      finished.incrementAndGet();
      assertEquals(
          HealthCheckResponse.Status.UP,
          check.call().getStatus(),
          "threads waiting on a slow datastore, with requests still finishing, are no stall");
    } finally {
      release.countDown();
    }
  }

  /** Keeps both of the pool's threads busy until the latch is released. */
  private CountDownLatch occupyThePool() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.execute(
          () -> {
            busy.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    busy.await();
    return release;
  }

  /** A window of 0 ms has passed once the clock moved on. */
  private static void awaitClockTick() {
    long start = System.nanoTime();
    while (System.nanoTime() == start) {
      Thread.onSpinWait();
    }
  }

  @Test
  void heapNearlyExhaustedAfterCollectionMakesItDown() {
    ProcessProbes nearlyFull =
        new ProcessProbes(pool, finished::get) {
          @Override
          public double heapUsedAfterGc() {
            return 0.97;
          }
        };
    HealthCheckResponse response = new ProcessLivenessCheck(nearlyFull, 1000, 0.95).call();
    assertEquals(
        HealthCheckResponse.Status.DOWN,
        response.getStatus(),
        "97% of the heap live after collection");
    assertTrue(reason(response).contains("heap"), () -> "says why: " + reason(response));
  }
}
