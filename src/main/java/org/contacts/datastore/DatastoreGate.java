package org.contacts.datastore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What every request's datastore work passes through: a bulkhead that lets a bounded number of
 * requests wait on the datastore at once, lets the next ones wait a moment for their turn and
 * refuses them after it, and a deadline for the work of each. The moment's wait is what a healthy
 * datastore needs to hand a place on (a few milliseconds), so that a burst is served rather than
 * refused; a slow datastore keeps its places, and the waiting requests give up their threads after
 * the moment, long before the deadline. A failure that means "not now" leaves as a {@link
 * DatastoreUnavailableException} of its kind, counted by kind.
 */
@ApplicationScoped
public class DatastoreGate {

  private static final Logger LOG = Logger.getLogger(DatastoreGate.class.getName());

  private static final Metadata REFUSALS =
      Metadata.builder()
          .withName("contacts.datastore.unavailable")
          .withDescription(
              "Requests answered 503 because the datastore could not serve them, by kind:"
                  + " unreachable, too_slow or overloaded")
          .build();

  @Inject DatastoreSettings settings;
  @Inject MongoClient client;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private Semaphore permits;
  private long queueTimeoutMillis;
  private long timeoutMillis;
  private BooleanSupplier datastoreAnswers;
  private Consumer<Kind> refusals;
  private final RefusalWarnings warnings = new RefusalWarnings(System::nanoTime);

  public DatastoreGate() {}

  /**
   * @param datastoreAnswers whether the driver's monitor hears the datastore
   * @param refusals counts each refusal by kind
   */
  DatastoreGate(
      int maxConcurrentRequests,
      long queueTimeoutMillis,
      long timeoutMillis,
      BooleanSupplier datastoreAnswers,
      Consumer<Kind> refusals) {
    this.permits = new Semaphore(maxConcurrentRequests);
    this.queueTimeoutMillis = queueTimeoutMillis;
    this.timeoutMillis = timeoutMillis;
    this.datastoreAnswers = datastoreAnswers;
    this.refusals = refusals;
  }

  @PostConstruct
  void init() {
    permits = new Semaphore(settings.maxConcurrentRequests());
    queueTimeoutMillis = Math.min(settings.queueTimeoutMillis(), settings.timeoutMillis());
    timeoutMillis = settings.timeoutMillis();
    datastoreAnswers = this::monitorHearsDatastore;
    Map<Kind, Counter> counters = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counters.put(kind, registry.counter(REFUSALS, new Tag("kind", kind.tag())));
    }
    refusals = kind -> counters.get(kind).inc();
  }

  /** Made at start, so that the counters exist for a dashboard before the first refusal. */
  void register(@Observes Startup event) {}

  /**
   * Runs one request's datastore work within the bulkhead and the deadline.
   *
   * @throws DatastoreUnavailableException when it was refused, or the datastore could not serve it
   */
  public <T> T call(Supplier<T> work) {
    long arrived = System.nanoTime();
    if (!turn()) {
      throw refused(Kind.OVERLOADED, null);
    }
    try {
      // The wait for a turn counts against the deadline: the request as a whole answers in time.
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived);
      return DatastoreDeadline.within(timeoutMillis - waited, work);
    } catch (MongoException failure) {
      Kind kind = kindOf(failure);
      if (kind == null) {
        throw failure;
      }
      throw refused(kind, failure);
    } finally {
      permits.release();
    }
  }

  /** How many requests wait for their turn now. */
  int queued() {
    return permits.getQueueLength();
  }

  private boolean turn() {
    if (permits.tryAcquire()) {
      return true;
    }
    try {
      return permits.tryAcquire(queueTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A timeout while the driver's monitor still hears the datastore is slowness; anything else that
   * means "not now" is an outage.
   */
  private Kind kindOf(MongoException failure) {
    if (DatastoreFailures.isTimeout(failure)) {
      return answers() ? Kind.TOO_SLOW : Kind.UNREACHABLE;
    }
    return DatastoreFailures.kindOf(failure);
  }

  /** Whether the driver's monitor heard the datastore answer its last heartbeat. */
  public boolean answers() {
    return datastoreAnswers.getAsBoolean();
  }

  private boolean monitorHearsDatastore() {
    return client.getClusterDescription().getServerDescriptions().stream()
        .anyMatch(ServerDescription::isOk);
  }

  private DatastoreUnavailableException refused(Kind kind, Throwable cause) {
    refusals.accept(kind);
    String warning = cause == null ? null : warnings.line(kind, cause);
    if (warning != null) {
      LOG.warning(warning);
    }
    return new DatastoreUnavailableException(kind, cause);
  }
}
