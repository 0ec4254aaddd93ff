package org.contacts.controller;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.model.FeedCursor;
import org.contacts.model.FeedEntry;
import org.contacts.repository.ChangeHistoryLostException;
import org.contacts.repository.ContactChanges;

/**
 * One follower of the datastore's changes per instance, fanned out to every live client. Each
 * subscriber has a bounded queue; one that falls behind by more than its queue is dropped, so that
 * a slow client never holds up the others or the follower.
 */
@ApplicationScoped
public class ChangeHub {

  private static final Logger LOG = Logger.getLogger(ChangeHub.class.getName());

  /** Changes read at once; and the pause after a read that found none, or after a failure. */
  public static final int BATCH = 100;

  static final long IDLE_MILLIS = 200;
  static final long FAILURE_PAUSE_MILLIS = 2_000;

  @Inject ContactChanges changes;

  @Resource ManagedThreadFactory threads;

  private final Set<Subscription> subscribers = new CopyOnWriteArraySet<>();
  private Thread follower;
  private volatile boolean stopped;

  /** A subscriber's view: the entries fanned out to it since it subscribed. */
  public final class Subscription implements AutoCloseable {

    private final BlockingQueue<FeedEntry> queue;
    private volatile boolean dropped;

    private Subscription(int capacity) {
      queue = new ArrayBlockingQueue<>(capacity);
    }

    /** The next entry, or null when none came in time. */
    public FeedEntry poll(long millis) throws InterruptedException {
      return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Whether it fell too far behind and gets nothing more. */
    public boolean dropped() {
      return dropped;
    }

    private void offer(FeedEntry entry) {
      if (!dropped && !queue.offer(entry)) {
        drop();
      }
    }

    private void drop() {
      dropped = true;
      subscribers.remove(this);
    }

    @Override
    public void close() {
      subscribers.remove(this);
    }
  }

  /** Subscribes to every change from now on; the follower starts with the first subscriber. */
  public Subscription subscribe(int capacity) {
    Subscription subscription = new Subscription(capacity);
    subscribers.add(subscription);
    startFollower();
    return subscription;
  }

  private synchronized void startFollower() {
    if (follower == null && !stopped) {
      String from = changes.present();
      follower = threads.newThread(() -> follow(from));
      follower.setName("contacts-change-follower");
      follower.start();
      LOG.info("Following the datastore's changes for live clients");
    }
  }

  private void follow(String from) {
    String position = from;
    while (!stopped) {
      try {
        ContactChanges.Batch batch = changes.after(position, BATCH);
        for (ContactChanges.Positioned change : batch.changes()) {
          FeedEntry entry = new FeedEntry(change.change(), new FeedCursor.Changes(change.after()));
          subscribers.forEach(subscriber -> subscriber.offer(entry));
        }
        position = batch.next();
        if (batch.changes().isEmpty()) {
          Thread.sleep(IDLE_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ChangeHistoryLostException e) {
        // Every subscriber missed changes: drop them all (they resume from their last event id)
        // and follow from the present.
        LOG.warning("The datastore no longer keeps the follower's position; live clients dropped");
        subscribers.forEach(Subscription::drop);
        position = changes.present();
      } catch (RuntimeException e) {
        // The datastore may be away for a while; the follower keeps its position and tries again.
        LOG.log(Level.WARNING, "Following the datastore's changes failed; trying again", e);
        try {
          Thread.sleep(FAILURE_PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (follower != null) {
      follower.interrupt();
    }
  }
}
