package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.repository.ContactRepository;
import org.contacts.seed.ContactSeeder;

/**
 * Prepares the datastore: creates indexes and, on the embedded development datastore, seeds it.
 * Tried at start-up, and again by the readiness check until it succeeds, so a service started
 * before its datastore prepares it once the datastore appears.
 */
@ApplicationScoped
public class DatastoreInitializer {

  private static final Logger LOG = Logger.getLogger(DatastoreInitializer.class.getName());

  @Inject ContactRepository repository;
  @Inject ContactSeeder seeder;
  @Inject MongoProducer producer;
  @Inject DatastoreSettings settings;

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
      repository.ensureIndexes();
      if (producer.usesEmbedded()) {
        seeder.seedIfEmpty(settings.seedCount());
      }
      initialized = true;
    }
  }

  public boolean isInitialized() {
    return initialized;
  }

  /** Whether the start-up attempt has finished, whatever its outcome. */
  public boolean hasStarted() {
    return started;
  }
}
