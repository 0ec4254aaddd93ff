package org.contacts.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.contacts.config.ContactsSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive means this process can still serve: no deadlocked threads, a request pool that makes some
 * progress, and heap left after garbage collection. It never looks at the datastore and never waits
 * for a request thread: an outage or a slow datastore, which keeps request threads waiting, must
 * not make Kubernetes restart healthy pods.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

  public static final String NAME = "process";

  @Resource ManagedExecutorService requestThreads;

  @Inject ContactsSettings settings;
  @Inject ShutdownState requests;

  private long stallWindowMillis;
  private double maxHeapAfterGc;

  private ProcessProbes probes;

  public ProcessLivenessCheck() {}

  ProcessLivenessCheck(ProcessProbes probes, long stallWindowMillis, double maxHeapAfterGc) {
    this.probes = probes;
    this.stallWindowMillis = stallWindowMillis;
    this.maxHeapAfterGc = maxHeapAfterGc;
  }

  @PostConstruct
  void init() {
    probes = new ProcessProbes(requestThreads, requests::finishedRequests);
    stallWindowMillis = settings.livenessStallWindowMillis();
    maxHeapAfterGc = settings.livenessMaxHeapAfterGc();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    double heap = probes.heapUsedAfterGc();
    response.withData("heapUsedAfterGcPercent", Math.round(heap * 100));
    int deadlocked = probes.deadlockedThreads();
    if (deadlocked > 0) {
      return response.down().withData("reason", deadlocked + " threads are deadlocked").build();
    }
    if (probes.requestPoolStalled(Duration.ofMillis(stallWindowMillis))) {
      return response
          .down()
          .withData(
              "reason",
              "the request thread pool has run nothing for more than " + stallWindowMillis + " ms")
          .build();
    }
    if (heap > maxHeapAfterGc) {
      return response
          .down()
          .withData("reason", "the heap is nearly exhausted after garbage collection")
          .build();
    }
    return response.up().build();
  }
}
