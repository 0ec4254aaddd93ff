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
 * requests wait on the datastore at once and refuses the others at once, and a deadline for the
 * work of each. A failure that means "not now" leaves as a {@link DatastoreUnavailableException} of
 * its kind, counted by kind.
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
      long timeoutMillis,
      BooleanSupplier datastoreAnswers,
      Consumer<Kind> refusals) {
    this.permits = new Semaphore(maxConcurrentRequests);
    this.timeoutMillis = timeoutMillis;
    this.datastoreAnswers = datastoreAnswers;
    this.refusals = refusals;
  }

  @PostConstruct
  void init() {
    permits = new Semaphore(settings.maxConcurrentRequests());
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
    if (!permits.tryAcquire()) {
      throw refused(Kind.OVERLOADED, null);
    }
    try {
      return DatastoreDeadline.within(timeoutMillis, work);
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
