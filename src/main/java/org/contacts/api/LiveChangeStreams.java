package org.contacts.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.api.query.FeedCursors;
import org.contacts.config.ChangeFeedSettings;
import org.contacts.controller.ChangeFeed;
import org.contacts.controller.ChangeHub;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.Representation;
import org.contacts.model.ContactChange;
import org.contacts.model.FeedCursor;
import org.contacts.model.FeedEntry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The live clients of the change feed, each served Server-Sent Events by a thread of its own: first
 * the changes since its cursor (when it resumes), then every change the {@link ChangeHub} fans out,
 * with a comment as a heartbeat while nothing happens. Their number is bounded per instance; a
 * client whose events are not taken within the send timeout, or that falls further behind than its
 * queue, is dropped and may resume from its last event id.
 */
@ApplicationScoped
public class LiveChangeStreams {

  private static final Logger LOG = Logger.getLogger(LiveChangeStreams.class.getName());

  /** How long one event may take to leave before the client counts as stalled. */
  static final long SEND_TIMEOUT_MILLIS = 5_000;

  /** How often a waiting client thread looks whether the service is stopping. */
  private static final long STOP_CHECK_MILLIS = 1_000;

  @Inject ChangeHub hub;
  @Inject ChangeFeed feed;
  @Inject ChangeFeedSettings settings;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Resource ManagedThreadFactory threads;

  private final AtomicInteger open = new AtomicInteger();
  private Counter eventsSent;
  private Counter dropped;
  private volatile boolean stopping;

  /** Made at start-up, so that its metrics are exported before the first live client. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the observer's existence is what makes CDI create the bean
  }

  @PostConstruct
  void registerMetrics() {
    registry.gauge(
        Metadata.builder()
            .withName("contacts.changes.live.connections")
            .withDescription("Live change streams (Server-Sent Events) open on this instance")
            .build(),
        open,
        AtomicInteger::get);
    eventsSent =
        registry.counter(
            Metadata.builder()
                .withName("contacts.changes.live.events")
                .withDescription("Change events sent to live clients")
                .build());
    dropped =
        registry.counter(
            Metadata.builder()
                .withName("contacts.changes.live.dropped")
                .withDescription("Live clients dropped for reading too slowly")
                .build());
  }

  /**
   * Serves a live client from a cursor (null: from now on).
   *
   * @throws ApiException 503 when this instance serves as many live clients as it may
   */
  void open(SseEventSink sink, Sse sse, FeedCursor from, String base, FeedCursors cursors) {
    if (open.incrementAndGet() > settings.maxLiveClients()) {
      open.decrementAndGet();
      throw new ApiException(
          java.util.List.of(
              ErrorObject.of(
                  503,
                  "Too many live clients",
                  "This instance already serves "
                      + settings.maxLiveClients()
                      + " live change streams. Try again later, or read the change feed in pages.")),
          Map.of("Retry-After", "10"));
    }
    try {
      // Subscribed before the first page is read, so that no change falls between the two; and
      // that page is read here, so that an expired cursor is still answered with a 410.
      ChangeHub.Subscription subscription = hub.subscribe(settings.liveQueue());
      FeedEntry.Page first;
      try {
        first = from == null ? null : feed.read(from, ChangeHub.BATCH);
      } catch (RuntimeException e) {
        subscription.close();
        throw e;
      }
      Thread thread =
          threads.newThread(() -> serve(new Client(sink, sse, base, cursors), subscription, first));
      thread.setName("contacts-live-client");
      thread.start();
    } catch (RuntimeException e) {
      open.decrementAndGet();
      throw e;
    }
  }

  private void serve(Client client, ChangeHub.Subscription subscription, FeedEntry.Page first) {
    try (subscription;
        SseEventSink sink = client.sink) {
      client.comment("live");
      // A change made just before the client resumed can come both in its catch-up and from the
      // hub, which subscribed it first; the copy from the hub is not sent again.
      Set<String> sentInCatchUp = new HashSet<>();
      FeedEntry.Page page = first;
      while (page != null) {
        for (FeedEntry entry : page.entries()) {
          client.send(entry);
          sentInCatchUp.add(key(entry));
        }
        page = page.caughtUp() ? null : feed.read(page.next(), ChangeHub.BATCH);
      }
      long idle = 0;
      while (!stopping && !subscription.dropped() && !sink.isClosed()) {
        FeedEntry entry = subscription.poll(STOP_CHECK_MILLIS);
        if (entry != null && sentInCatchUp.remove(key(entry))) {
          idle = 0;
        } else if (entry != null) {
          client.send(entry);
          idle = 0;
        } else if ((idle += STOP_CHECK_MILLIS) >= settings.heartbeatMillis()) {
          client.comment("heartbeat");
          idle = 0;
        }
      }
      if (subscription.dropped()) {
        dropped.inc();
        LOG.info("A live client fell too far behind and was dropped");
      }
    } catch (TimeoutException | ExecutionException e) {
      dropped.inc();
      LOG.log(Level.FINE, "A live client stopped taking events and was dropped", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A live change stream failed", e);
    } finally {
      open.decrementAndGet();
    }
  }

  /** Which change an entry is: the contact, its version, and whether it was deleted. */
  private static String key(FeedEntry entry) {
    return entry.change() instanceof ContactChange.Written written
        ? written.id().text() + "@" + written.contact().version()
        : entry.change().id().text()
            + " deleted@"
            + ((ContactChange.Deleted) entry.change()).lastVersion();
  }

  /** One client's sink and how its events are drawn. */
  private final class Client {

    private final SseEventSink sink;
    private final Sse sse;
    private final String base;
    private final FeedCursors cursors;

    Client(SseEventSink sink, Sse sse, String base, FeedCursors cursors) {
      this.sink = sink;
      this.sse = sse;
      this.base = base;
      this.cursors = cursors;
    }

    void send(FeedEntry entry) throws InterruptedException, ExecutionException, TimeoutException {
      OutboundSseEvent event =
          sse.newEventBuilder()
              .id(cursors.encode(entry.after()))
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(
                  String.class,
                  ChangeFeedResource.resource(base, entry.change(), Representation.JSON_API)
                      .toString())
              .build();
      sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      eventsSent.inc();
    }

    void comment(String text) throws InterruptedException, ExecutionException, TimeoutException {
      sink.send(sse.newEventBuilder().comment(text).build())
          .toCompletableFuture()
          .get(SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }
}
