package org.contacts.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the liveness check asks of this JVM: the signs that a process can no longer serve. */
public class ProcessProbes {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Executor requestThreads;

  /**
   * @param requestThreads the pool that serves requests, so its starvation can be seen
   */
  public ProcessProbes(Executor requestThreads) {
    this.requestThreads = requestThreads;
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

  /** Whether the request pool runs a trivial task within the bound. */
  public boolean requestThreadsRespond(Duration bound) {
    FutureTask<Void> trivial = new FutureTask<>(() -> null);
    try {
      requestThreads.execute(trivial);
      trivial.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | RejectedExecutionException e) {
      trivial.cancel(false);
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
