package org.contacts.datastore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prepares the datastore by running every {@link DatastorePreparation} (the repository's indexes;
 * in the development build, the seed of the embedded datastore). Tried at start-up, and again by
 * the readiness check until it succeeds, so a service started before its datastore prepares it once
 * the datastore appears.
 */
@ApplicationScoped
public class DatastoreInitializer {

  private static final Logger LOG = Logger.getLogger(DatastoreInitializer.class.getName());

  @Inject Instance<DatastorePreparation> preparations;

  private volatile boolean initialized;
  private volatile boolean started;

  void onStartup(@Observes Startup startup) {
    try {
      initialize();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The datastore could not be prepared at start-up; readiness will retry: {0}",
          e.getMessage());
    } finally {
      started = true;
    }
  }

  /** Prepares the datastore unless that was already done; throws when it cannot be reached. */
  public void initialize() {
    if (initialized) {
      return;
    }
    synchronized (this) {
      if (initialized) {
        return;
      }
      for (DatastorePreparation preparation : preparations) {
        preparation.prepare();
      }
      initialized = true;
    }
  }

  /** Whether the datastore has been prepared: readiness counts a slow but prepared one as UP. */
  public boolean isInitialized() {
    return initialized;
  }

  /** Whether the start-up attempt has finished, whatever its outcome. */
  public boolean hasStarted() {
    return started;
  }
}
