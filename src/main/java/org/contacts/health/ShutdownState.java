package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.contacts.config.ContactsSettings;

/**
 * Orders a graceful stop: readiness turns DOWN first, requests in flight are given time to
 * complete, and only then are the application's beans, the MongoClient among them, destroyed.
 */
@ApplicationScoped
public class ShutdownState {

  private static final Logger LOG = Logger.getLogger(ShutdownState.class.getName());
  private static final long POLL_MILLIS = 20;

  @Inject ContactsSettings settings;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong finished = new AtomicLong();
  private volatile boolean draining;

  public void requestStarted() {
    inFlight.incrementAndGet();
  }

  public void requestFinished() {
    inFlight.decrementAndGet();
    finished.incrementAndGet();
  }

  /** How many requests have finished since start: the liveness check's sign of progress. */
  public long finishedRequests() {
    return finished.get();
  }

  public boolean isDraining() {
    return draining;
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event)
      throws InterruptedException {
    draining = true;
    long deadline =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.drainTimeoutMillis());
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MILLIS); // a stop happens once; polling keeps the request path lock-free
    }
    int left = inFlight.get();
    LOG.info(
        () ->
            left <= 0
                ? "Stopping: no request in flight"
                : "Stopping with " + left + " requests still in flight");
  }
}
