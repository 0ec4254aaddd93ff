package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive means this process can still serve: no deadlocked threads, and heap left after the last
 * garbage collection. It never looks at the datastore; an outage there must not restart pods.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

  public static final String NAME = "process";

  /** Above this share of a heap pool still in use after collection, the process is failing. */
  static final double MAX_HEAP_AFTER_GC = 0.95;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    long[] deadlocked = threads.findDeadlockedThreads();
    double heapAfterGc = heapUsedAfterGc();
    response.withData("heapUsedAfterGcPercent", Math.round(heapAfterGc * 100));
    if (deadlocked != null) {
      return response.down().withData("reason", deadlocked.length + " threads are deadlocked").build();
    }
    if (heapAfterGc > MAX_HEAP_AFTER_GC) {
      return response.down().withData("reason", "heap is nearly exhausted after collection").build();
    }
    return response.up().build();
  }

  /** The fullest heap pool's use after its last collection, as a share of its maximum. */
  static double heapUsedAfterGc() {
    double fullest = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null && afterGc.getMax() > 0) {
        fullest = Math.max(fullest, (double) afterGc.getUsed() / afterGc.getMax());
      }
    }
    return fullest;
  }
}
