package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.contacts.datastore.DatastoreInitializer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application's start-up work has run, whether or not the datastore answered. */
@Startup
@ApplicationScoped
public class ServiceStartupCheck implements HealthCheck {

  public static final String NAME = "startup";

  @Inject DatastoreInitializer initializer;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME).status(initializer.hasStarted()).build();
  }
}
