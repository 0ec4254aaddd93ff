package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready means MongoDB answers a ping and the datastore is prepared (indexes, seed). */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

  public static final String NAME = "mongodb";

  @Inject DatastoreProbe probe;

  @Override
  public HealthCheckResponse call() {
    DatastoreProbe.Result result = probe.probe();
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(result.up());
    if (result.up()) {
      response.withData("pingDurationMicros", result.pingMicros());
    } else {
      response.withData("reason", result.reason());
    }
    return response.build();
  }
}
