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
 * Alive means this process can still serve: no deadlocked threads, a request pool that runs a
 * trivial task promptly, and heap left after garbage collection. It never looks at the datastore:
 * an outage there must not make Kubernetes restart healthy pods.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

  public static final String NAME = "process";

  @Resource ManagedExecutorService requestThreads;

  @Inject ContactsSettings settings;

  private long poolTimeoutMillis;
  private double maxHeapAfterGc;

  private ProcessProbes probes;

  public ProcessLivenessCheck() {}

  ProcessLivenessCheck(ProcessProbes probes, long poolTimeoutMillis, double maxHeapAfterGc) {
    this.probes = probes;
    this.poolTimeoutMillis = poolTimeoutMillis;
    this.maxHeapAfterGc = maxHeapAfterGc;
  }

  @PostConstruct
  void init() {
    probes = new ProcessProbes(requestThreads);
    poolTimeoutMillis = settings.livenessPoolTimeoutMillis();
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
    if (!probes.requestThreadsRespond(Duration.ofMillis(poolTimeoutMillis))) {
      return response
          .down()
          .withData(
              "reason",
              "the request thread pool did not run a trivial task within "
                  + poolTimeoutMillis
                  + " ms")
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
