package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * DOWN while the service primes itself, both as started (so Kubernetes' startup probe waits for it
 * and liveness is not probed under priming's load) and as ready (so no traffic comes before it
 * ends). UP once priming ended, whether it primed or gave up, and when it is off: then readiness
 * follows the datastore alone.
 */
@Readiness
@Startup
@ApplicationScoped
public class PrimingCheck implements HealthCheck {

  public static final String NAME = "priming";
  public static final String PRIMING = "the service is priming its hot paths";

  @Inject PrimingState priming;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    return switch (priming.stage()) {
      case OFF -> response.up().withData("enabled", false).build();
      case RUNNING -> response.down().withData(MongoReadinessCheck.REASON, PRIMING).build();
      case DONE ->
          response
              .up()
              .withData("requests", priming.outcome().requests())
              .withData("durationMillis", priming.outcome().millis())
              .withData("stopped", priming.outcome().reason())
              .build();
    };
  }

  /** Whether priming keeps the service from being ready. */
  public boolean isPriming() {
    return priming.stage() == PrimingState.Stage.RUNNING;
  }
}
