package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the service under {@code contacts.*}: the API's limits, the probes and the stop; each
 * key can also be given as an environment variable. The datastore's are in DatastoreSettings.
 */
@ApplicationScoped
public class ContactsSettings {

  @Inject
  @ConfigProperty(name = "contacts.page.default-size", defaultValue = "20")
  int defaultPageSize;

  @Inject
  @ConfigProperty(name = "contacts.page.max-size", defaultValue = "100")
  int maxPageSize;

  @Inject
  @ConfigProperty(name = "contacts.request.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "contacts.import.max-body-bytes", defaultValue = "67108864")
  long importMaxBodyBytes;

  @Inject
  @ConfigProperty(name = "contacts.import.max-records", defaultValue = "100000")
  int importMaxRecords;

  @Inject
  @ConfigProperty(name = "contacts.count.time-limit-ms", defaultValue = "500")
  long countTimeLimitMillis;

  @Inject
  @ConfigProperty(name = "contacts.liveness.stall-window-ms", defaultValue = "10000")
  long livenessStallWindowMillis;

  @Inject
  @ConfigProperty(name = "contacts.liveness.max-heap-after-gc", defaultValue = "0.95")
  double livenessMaxHeapAfterGc;

  @Inject
  @ConfigProperty(name = "contacts.shutdown.drain-timeout-ms", defaultValue = "10000")
  long drainTimeoutMillis;

  public int defaultPageSize() {
    return defaultPageSize;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The largest vCard or CSV file an import takes, in bytes. */
  public long importMaxBodyBytes() {
    return importMaxBodyBytes;
  }

  /** The most contacts one import may hold. */
  public int importMaxRecords() {
    return importMaxRecords;
  }

  /** How long counting the matches of a filtered query may take before a page goes without. */
  public long countTimeLimitMillis() {
    return countTimeLimitMillis;
  }

  /**
   * How long the request pool may run nothing at all (a task handed to it waits, and no request
   * finishes) before liveness is DOWN.
   */
  public long livenessStallWindowMillis() {
    return livenessStallWindowMillis;
  }

  /** The share of the heap in use after collection above which liveness is DOWN. */
  public double livenessMaxHeapAfterGc() {
    return livenessMaxHeapAfterGc;
  }

  /** How long a stop waits for requests in flight. */
  public long drainTimeoutMillis() {
    return drainTimeoutMillis;
  }
}
