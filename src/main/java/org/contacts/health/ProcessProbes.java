package org.contacts.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/** What the liveness check asks of this JVM: the signs that a process can no longer serve. */
public class ProcessProbes {

  private static final long NOT_WAITING = Long.MIN_VALUE;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Executor requestThreads;
  private final LongSupplier finishedRequests;

  /** When the trivial task now waiting for the pool was handed to it. */
  private volatile long handedAt = NOT_WAITING;

  private long finishedAtHandOff;

  /**
   * @param requestThreads the pool that serves requests, so that a stall of it can be seen
   * @param finishedRequests how many requests have finished so far: progress of the pool
   */
  public ProcessProbes(Executor requestThreads, LongSupplier finishedRequests) {
    this.requestThreads = requestThreads;
    this.finishedRequests = finishedRequests;
  }

  /** How many threads are deadlocked on monitors or locks. */
  public int deadlockedThreads() {
    long[] deadlocked = threads.findDeadlockedThreads();
    return deadlocked == null ? 0 : deadlocked.length;
  }

  /** The fullest heap pool's use after its last collection, as a share of its maximum. */
  public double heapUsedAfterGc() {
    double fullest = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null && afterGc.getMax() > 0) {
        fullest = Math.max(fullest, (double) afterGc.getUsed() / afterGc.getMax());
      }
    }
    return fullest;
  }

  /**
   * Whether the request pool has run nothing at all for longer than the window: a trivial task
   * handed to it that long ago has not run, and no request has finished since. It never waits for
   * the pool, so a busy pool (requests waiting on a slow datastore) is not a stalled one; each call
   * hands the pool a new task once the last one ran.
   */
  public synchronized boolean requestPoolStalled(Duration window) {
    long now = System.nanoTime();
    if (handedAt == NOT_WAITING) {
      handedAt = now;
      finishedAtHandOff = finishedRequests.getAsLong();
      try {
        requestThreads.execute(() -> handedAt = NOT_WAITING);
      } catch (RejectedExecutionException e) {
        handedAt = NOT_WAITING; // a pool that refuses work is stopping, not stalled
      }
      return false;
    }
    return now - handedAt > window.toNanos() && finishedRequests.getAsLong() == finishedAtHandOff;
  }
}
