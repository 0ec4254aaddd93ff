package org.contacts.telemetry;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Listens to the MongoDB driver: times every command (as a metric and for the request being served)
 * and tracks the connection pool's size and use. Commands of traced requests also get spans.
 */
@ApplicationScoped
public class DatastoreTelemetry implements CommandListener, ConnectionPoolListener {

  private static final Metadata OPERATIONS =
      Metadata.builder()
          .withName("contacts.datastore.operations")
          .withDescription("MongoDB commands the service issued, by command and outcome")
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject DatastoreSpans spans;

  private final TaggedTimers timers = new TaggedTimers(OPERATIONS, "command", "outcome");

  private final AtomicInteger poolSize = new AtomicInteger();
  private final AtomicInteger poolInUse = new AtomicInteger();

  @PostConstruct
  void registerPoolGauges() {
    registry.gauge(
        Metadata.builder()
            .withName("contacts.datastore.pool.size")
            .withDescription("Open connections to MongoDB")
            .build(),
        poolSize,
        AtomicInteger::get);
    registry.gauge(
        Metadata.builder()
            .withName("contacts.datastore.pool.in_use")
            .withDescription("Connections to MongoDB checked out by requests")
            .build(),
        poolInUse,
        AtomicInteger::get);
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    spans.started(event);
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    spans.succeeded(event);
    record(event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), "success");
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    spans.failed(event);
    record(event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), "failure");
  }

  private void record(String command, long nanos, String outcome) {
    RequestTelemetry.addDatastoreTime(nanos);
    timers.get(registry, command, outcome).update(Duration.ofNanos(nanos));
  }

  @Override
  public void connectionCreated(ConnectionCreatedEvent event) {
    poolSize.incrementAndGet();
  }

  @Override
  public void connectionClosed(ConnectionClosedEvent event) {
    poolSize.decrementAndGet();
  }

  @Override
  public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
    poolInUse.incrementAndGet();
  }

  @Override
  public void connectionCheckedIn(ConnectionCheckedInEvent event) {
    poolInUse.decrementAndGet();
  }
}
