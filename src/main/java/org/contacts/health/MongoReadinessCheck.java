package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means MongoDB answers a ping and the datastore is prepared (indexes, seed), and the service
 * is not stopping.
 */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

  public static final String NAME = "mongodb";
  public static final String PING_MICROS = "pingDurationMicros";
  public static final String REASON = "reason";

  @Inject DatastoreProbe probe;
  @Inject ShutdownState shutdown;
  @Inject ReadinessGauge gauge;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponse response = check();
    gauge.record(response.getStatus() == HealthCheckResponse.Status.UP);
    return response;
  }

  private HealthCheckResponse check() {
    if (shutdown.isDraining()) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData(REASON, "the service is stopping")
          .build();
    }
    DatastoreProbe.Result result = probe.probe();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(result.up());
    if (result.pingMicros() >= 0) {
      response.withData(PING_MICROS, result.pingMicros());
    }
    if (result.reason() != null) {
      response.withData(REASON, result.reason());
    }
    return response.build();
  }
}
