package org.contacts.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.contacts.config.SecuritySettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In jwt mode the service is ready only when MicroProfile JWT can verify tokens: without a key or
 * an issuer every request would be refused, and an operator should see why before traffic comes. At
 * start it says in the log how the API is protected.
 */
@Readiness
@ApplicationScoped
public class AuthenticationReadinessCheck implements HealthCheck {

  public static final String NAME = "authentication";

  private static final Logger LOG = Logger.getLogger(AuthenticationReadinessCheck.class.getName());

  @Inject SecuritySettings settings;

  void onStartup(@Observes Startup startup) {
    String problem = problem();
    if (problem != null) {
      LOG.severe(problem + "; readiness stays DOWN and the API refuses every request.");
    } else if (settings.mode() == SecuritySettings.Mode.NONE) {
      LOG.warning(
          "contacts.auth.mode is none: the API is OPEN, anyone who can reach it can read, change"
              + " and delete every contact. Set CONTACTS_AUTH_MODE=jwt (the default) outside"
              + " development.");
    } else {
      LOG.info("The API asks for bearer tokens (contacts.auth.mode jwt).");
    }
  }

  @Override
  public HealthCheckResponse call() {
    String problem = problem();
    return problem == null
        ? HealthCheckResponse.named(NAME)
            .up()
            .withData("mode", settings.mode().name().toLowerCase(java.util.Locale.ROOT))
            .build()
        : HealthCheckResponse.named(NAME)
            .down()
            .withData(MongoReadinessCheck.REASON, problem)
            .build();
  }

  /** What keeps tokens from being verified, or null when nothing does. */
  private String problem() {
    if (!settings.isModeValid()) {
      return "CONTACTS_AUTH_MODE must be jwt or none";
    }
    List<String> missing = settings.missingForJwt();
    return missing.isEmpty()
        ? null
        : "contacts.auth.mode is jwt but no token can be verified: set "
            + String.join(" and ", missing);
  }
}
