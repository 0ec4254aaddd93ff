package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The last readiness answer as a metric, so that a dashboard shows readiness beside the rest
 * without a probe of its own: the readiness checks run on Kubernetes' schedule, not on a scrape's.
 */
@ApplicationScoped
public class ReadinessGauge {

  private static final Metadata READY =
      Metadata.builder()
          .withName("contacts.ready")
          .withDescription(
              "1 when the last readiness check answered UP, 0 when DOWN or not yet run")
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final AtomicInteger ready = new AtomicInteger();

  void register(@Observes Startup event) {
    registry.gauge(READY, ready, AtomicInteger::get);
  }

  void record(boolean up) {
    ready.set(up ? 1 : 0);
  }
}
