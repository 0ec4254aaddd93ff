package org.contacts.priming;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.config.PrimingSettings;
import org.contacts.config.SecuritySettings;
import org.contacts.health.PrimingOutcome;
import org.contacts.health.PrimingState;

/**
 * Warms the service before it reports ready: at start it drives the service's own hot paths, then
 * says in the log how long that took, how many requests it made and why it stopped. Until then the
 * priming health check keeps the service out of traffic (docs/operations.md).
 */
@ApplicationScoped
public class Priming implements PrimingState {

  private static final Logger LOG = Logger.getLogger(Priming.class.getName());

  @Inject PrimingSettings settings;
  @Inject SecuritySettings security;
  @Inject PrimingMarker marker;
  @Inject PrimingSteps steps;

  @Resource ManagedThreadFactory threads;

  private volatile Stage stage = Stage.OFF;
  private volatile PrimingOutcome outcome;
  private volatile PrimingRun run;

  void onStartup(@Observes Startup startup) {
    if (!settings.enabled()) {
      marker.retire();
      LOG.info(
          "Priming is off (contacts.priming.enabled=false): the service reports ready without"
              + " warming its hot paths first. CONTACTS_PRIMING_ENABLED=true turns it on.");
      return;
    }
    stage = Stage.RUNNING;
    run = new PrimingRun(settings, threads);
    threads.newThread(this::prime).start();
  }

  @Override
  public Stage stage() {
    return stage;
  }

  @Override
  public PrimingOutcome outcome() {
    return outcome;
  }

  @PreDestroy
  void stop() {
    PrimingRun current = run;
    if (current != null) {
      current.stop();
    }
  }

  private void prime() {
    PrimingRun current = run;
    String reason = null;
    long since = System.nanoTime();
    try (PrimingTraffic traffic = new PrimingTraffic(settings.httpPort(), marker.value())) {
      if (!current.awaitListener(traffic)) {
        current.fail(
            String.format(
                Locale.ROOT,
                "the application did not answer on 127.0.0.1:%d within %d s of its start",
                settings.httpPort(),
                PrimingRun.START_WAIT_MILLIS / 1000));
      } else {
        LOG.info(
            String.format(
                Locale.ROOT,
                "Priming: the application answered on 127.0.0.1:%d %.1f s after its start;"
                    + " priming for at most %d ms (contacts.priming.max-duration-ms).",
                settings.httpPort(),
                current.waitedMillis(since) / 1000.0,
                settings.maxDurationMillis()));
        reason = current.drive(steps.of(security.mode(), current, traffic));
      }
    } catch (PrimingRun.PrimingFailure e) {
      current.fail(e.getMessage());
    } catch (IOException e) {
      current.fail(
          "the service stopped answering on loopback (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.fail("it was interrupted");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Priming failed", e);
      current.fail("it failed: " + e.getClass().getSimpleName());
    } finally {
      marker.retire();
      finish(current.outcome(reason));
    }
  }

  private void finish(PrimingOutcome ended) {
    outcome = ended;
    stage = Stage.DONE;
    if (ended.gaveUp()) {
      LOG.warning(
          String.format(
              Locale.ROOT,
              "Priming gave up after %.1f s and %,d requests: %s. Readiness follows the datastore"
                  + " from now on, unprimed.",
              ended.millis() / 1000.0,
              ended.requests(),
              ended.reason()));
    } else {
      LOG.info(
          String.format(
              Locale.ROOT,
              "Primed in %.1f s with %,d requests: %s. Readiness may now report UP.",
              ended.millis() / 1000.0,
              ended.requests(),
              ended.reason()));
    }
  }
}
