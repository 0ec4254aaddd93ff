package org.contacts.priming;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.contacts.config.PrimingSettings;
import org.contacts.controller.ContactException;
import org.contacts.datastore.DatastoreFailures;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.contacts.health.PrimingOutcome;
import org.contacts.priming.LoopbackHttp.Request;

/**
 * One priming: waits for the listener, finds what to read, then sends the steps from several
 * threads, window by window, until the rate levels off with the JIT compiler quiet, the bound is
 * reached or the service cannot serve (the datastore down, say), whichever comes first; it rides
 * out the refusals that only say the service is busy ({@link Refusals}). Near the bound it stops
 * sending and waits for the compiler to finish what the requests queued: on a small machine the
 * requests and the compiler share the cores, and code still queued at readiness is compiled while
 * the first callers wait.
 */
final class PrimingRun {

  /** One request, over HTTP or in the process; throws when the service cannot serve it. */
  interface Step {
    void run() throws IOException, PrimingFailure;
  }

  /** The service cannot serve what priming asks, so priming gives up; the message says why. */
  static final class PrimingFailure extends Exception {
    PrimingFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static final long PING_INTERVAL_MILLIS = 100;

  /**
   * The pause after a refusal that priming rides out: a line configured to refuse at once
   * (contacts.admission.queue-timeout-ms 0) would otherwise be asked again at once, in a loop.
   */
  private static final long RIDE_OUT_PAUSE_MILLIS = 20;

  /** The JVM's JIT compiler, or null in a JVM that only interprets. */
  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  /**
   * The fewest requests a window must hold for its rate to count: a window of a few requests, on a
   * starved machine, measures noise, and a plateau of noise would end priming early.
   */
  static final long MIN_WINDOW_REQUESTS = 100;

  /**
   * How long priming waits for the application to answer at all. That wait is the start, not
   * priming, so it is not part of the bound; the startup probe allows as much for the start.
   */
  static final long START_WAIT_MILLIS = 180_000;

  private final PrimingSettings settings;
  private final ThreadFactory threads;
  private final AtomicLong requests = new AtomicLong();
  private final Refusals refusals = new Refusals();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final CountDownLatch failed = new CountDownLatch(1);
  private volatile long startNanos = System.nanoTime();
  private volatile long deadlineNanos;
  private volatile boolean stopping;
  private volatile boolean draining;

  PrimingRun(PrimingSettings settings, ThreadFactory threads) {
    this.settings = settings;
    this.threads = threads;
  }

  /**
   * Waits until the application answers on the listener, and starts the bound from then; false when
   * it did not answer within {@link #START_WAIT_MILLIS}.
   */
  boolean awaitListener(PrimingTraffic traffic) throws InterruptedException {
    long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MILLIS);
    Request ping = traffic.ping();
    while (!stopping && System.nanoTime() < waitUntil) {
      try {
        if (traffic.send(ping).status() == 200) {
          startNanos = System.nanoTime();
          deadlineNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(settings.maxDurationMillis());
          return true;
        }
      } catch (IOException notYet) {
        // The listener or the application is not up yet.
      }
      Thread.sleep(PING_INTERVAL_MILLIS); // a start-up poll, bounded by the wait
    }
    return false;
  }

  /** How long the wait for the application to answer took. */
  long waitedMillis(long sinceNanos) {
    return TimeUnit.NANOSECONDS.toMillis(startNanos - sinceNanos);
  }

  /**
   * Sends one request while finding what to read, again while the service answers that it is busy,
   * until the bound; counts each.
   */
  LoopbackHttp.Answer discover(PrimingTraffic traffic, Request request)
      throws IOException, PrimingFailure {
    while (true) {
      requests.incrementAndGet();
      LoopbackHttp.Answer answer = traffic.send(request);
      if (served(request, answer)) {
        return answer;
      }
      beforeRetry(request.describe());
    }
  }

  /**
   * Reads in the process while finding what to read, again while the service refuses it as busy,
   * until the bound; counts each. A refusal of the domain is no answer: null.
   */
  <T> T discoverInProcess(Supplier<T> read) throws PrimingFailure {
    while (true) {
      requests.incrementAndGet();
      try {
        return read.get();
      } catch (ContactException refused) {
        return null;
      } catch (RuntimeException e) {
        readFailed(e);
      }
      beforeRetry("a read in the process");
    }
  }

  /** Gives up when the bound has passed while the service kept answering that it was busy. */
  private void beforeRetry(String what) throws PrimingFailure {
    if (stopping || System.nanoTime() - deadlineNanos >= 0) {
      throw new PrimingFailure("the service was busy: " + what + " was refused until the bound");
    }
  }

  /** Drives the steps until the rate levels off, the bound, a failure or a stop. */
  String drive(List<Step> steps) throws InterruptedException {
    int connections = Math.max(1, settings.connections());
    ExecutorService workers = Executors.newFixedThreadPool(connections, threads);
    for (int i = 0; i < connections; i++) {
      int first = i * steps.size() / connections;
      workers.execute(() -> work(steps, first));
    }
    try {
      return windows();
    } finally {
      stopping = true;
      workers.shutdown();
      if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    }
  }

  private String windows() throws InterruptedException {
    LevellingOff levelling =
        new LevellingOff(
            Math.max(1, settings.steadyWindows()),
            settings.tolerance(),
            settings.quietCompilingShare());
    long windowNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, settings.windowMillis()));
    long drainFromNanos = deadlineNanos - TimeUnit.MILLISECONDS.toNanos(drainMillis());
    long drainStart = 0;
    long windowStart = System.nanoTime();
    long before = requests.get();
    long compilingBefore = compilingMillis();
    double compilingShare = 0;
    while (!stopping) {
      long wait = Math.min(windowNanos, deadlineNanos - System.nanoTime());
      if (wait <= 0 || failed.await(wait, TimeUnit.NANOSECONDS)) {
        break;
      }
      long now = System.nanoTime();
      long done = requests.get() - before;
      if (done < MIN_WINDOW_REQUESTS && now < drainFromNanos) {
        continue; // too few to tell a rate from noise, before the drain: the window goes on
      }
      double seconds = (now - windowStart) / 1e9;
      long compiling = compilingMillis();
      compilingShare = (compiling - compilingBefore) / (seconds * 1000);
      compilingBefore = compiling;
      windowStart = now;
      before += done;
      if (draining) {
        if (compilingShare <= settings.quietCompilingShare()) {
          return String.format(
              Locale.ROOT,
              "it stopped sending %d ms before its bound (contacts.priming.drain-ms), and the"
                  + " compiler finished what the requests had queued %.1f s later (best window"
                  + " %,.0f requests/s)",
              drainMillis(),
              (now - drainStart) / 1e9,
              levelling.best());
        }
      } else if (levelling.add(done / seconds, compilingShare)) {
        return String.format(
            Locale.ROOT,
            "its rate levelled off at %,.0f requests/s (best window) with the compiler quiet",
            levelling.best());
      } else if (now >= drainFromNanos) {
        draining = true; // the workers stop after the request each has in flight
        drainStart = now;
      }
    }
    if (failure.get() != null) {
      return null;
    }
    if (stopping) {
      return "the application is stopping";
    }
    return String.format(
        Locale.ROOT,
        "it reached its bound (contacts.priming.max-duration-ms %d) before its rate levelled off"
            + " with the compiler quiet%s (best window %,.0f requests/s; the compiler busy %.0f%%"
            + " of the last window)",
        settings.maxDurationMillis(),
        draining ? ", having stopped sending " + drainMillis() + " ms before it" : "",
        levelling.best(),
        compilingShare * 100);
  }

  /** The drain, never longer than the bound. */
  private long drainMillis() {
    return Math.min(Math.max(0, settings.drainMillis()), settings.maxDurationMillis());
  }

  /**
   * How long the JIT compiler has spent compiling, summed over its threads; 0 when the JVM does not
   * tell, so that the rate alone decides.
   */
  private static long compilingMillis() {
    return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported()
        ? COMPILER.getTotalCompilationTime()
        : 0;
  }

  private void work(List<Step> steps, int first) {
    int next = first;
    while (!stopping && !draining && failure.get() == null) {
      try {
        steps.get(next++ % steps.size()).run();
        requests.incrementAndGet();
      } catch (PrimingFailure e) {
        fail(e.getMessage());
      } catch (IOException e) {
        fail("the service stopped answering on loopback (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  /** Gives up: the reason is what an operator reads in the log. */
  void fail(String reason) {
    if (failure.compareAndSet(null, reason)) {
      failed.countDown();
    }
  }

  /** Asks the run to stop soon, as when the application stops during priming. */
  void stop() {
    stopping = true;
    failed.countDown();
  }

  PrimingOutcome outcome(String reason) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    String failed = failure.get();
    return failed != null
        ? new PrimingOutcome(requests.get(), millis, failed + refusals.summary(), true)
        : new PrimingOutcome(requests.get(), millis, reason + refusals.summary(), false);
  }

  /**
   * Whether the answer served the request. A 503 that says the service is busy is counted and
   * ridden out ({@link Refusals}), after a short pause; any other 503, an unreachable datastore
   * first, and any other 5xx mean the service cannot serve, and priming gives up.
   */
  boolean served(Request request, LoopbackHttp.Answer answer) throws PrimingFailure {
    int status = answer.status();
    if (status == 503) {
      Kind kind = Kind.ofTag(PrimingSteps.firstError(answer.body(), "code"));
      if (refusals.rideOut(kind)) {
        pauseAfterRefusal();
        return false;
      }
      String title = PrimingSteps.firstError(answer.body(), "title");
      throw new PrimingFailure(
          kind == Kind.UNREACHABLE
              ? "the datastore is unreachable (" + request.describe() + " answered 503)"
              : request.describe() + " answered 503" + (title == null ? "" : " " + title));
    }
    if (status >= 500) {
      throw new PrimingFailure(request.describe() + " answered " + status);
    }
    return true;
  }

  /**
   * Rides out a read in the process that the service refused as busy, after a short pause; gives up
   * on the rest.
   */
  void readFailed(RuntimeException failure) throws PrimingFailure {
    Kind kind = DatastoreFailures.kindOf(failure);
    if (refusals.rideOut(kind)) {
      pauseAfterRefusal();
    } else {
      throw new PrimingFailure(
          (kind == Kind.UNREACHABLE ? "the datastore is unreachable" : "a read failed")
              + " (a read in the process: "
              + failure.getClass().getSimpleName()
              + ")");
    }
  }

  private static void pauseAfterRefusal() throws PrimingFailure {
    try {
      Thread.sleep(RIDE_OUT_PAUSE_MILLIS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      throw new PrimingFailure("it was interrupted");
    }
  }
}
