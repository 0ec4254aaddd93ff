package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many contacts requests the service works on at once, and how long the next ones wait in line
 * for a place (docs/operations.md, "Admission").
 */
@ApplicationScoped
public class AdmissionSettings {

  @Inject
  @ConfigProperty(name = "contacts.admission.per-processor", defaultValue = "4")
  int perProcessor;

  @Inject
  @ConfigProperty(name = "contacts.admission.queue-timeout-ms", defaultValue = "500")
  long queueTimeoutMillis;

  /** Requests at work at once: so many per processor the JVM may use; 0 when there is no limit. */
  public int limit() {
    return Math.max(0, perProcessor) * Runtime.getRuntime().availableProcessors();
  }

  /** How long a request waits in line for a place before it is refused. */
  public long queueTimeoutMillis() {
    return Math.max(0, queueTimeoutMillis);
  }
}
