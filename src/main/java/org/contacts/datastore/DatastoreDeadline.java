package org.contacts.datastore;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.client.MongoCollection;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The deadline of the datastore work a request thread is doing. The driver's timeout bounds each
 * operation; a request that needs two (a change reads, then writes) gets what is left of one
 * deadline for the second, so that the request as a whole answers in time.
 */
public final class DatastoreDeadline {

  /**
   * The bound of datastore work outside a request (indexes and the seed at start-up): it runs once,
   * on no client's behalf, and a loaded machine at start can need more than a request's deadline.
   */
  static final long OUTSIDE_REQUEST_MILLIS = 10_000;

  private static final ThreadLocal<Long> END = new ThreadLocal<>();

  private DatastoreDeadline() {}

  /** Runs the work with a deadline this far away, unless the thread already has one. */
  static <T> T within(long millis, Supplier<T> work) {
    if (END.get() != null) {
      return work.get();
    }
    END.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    try {
      return work.get();
    } finally {
      END.remove();
    }
  }

  /**
   * The collection bounded by what is left of this thread's deadline, or by {@link
   * #OUTSIDE_REQUEST_MILLIS} when the thread has none (start-up work).
   *
   * @throws MongoOperationTimeoutException when the deadline has passed
   */
  public static <T> MongoCollection<T> bound(MongoCollection<T> collection) {
    return bound(collection, Long.MAX_VALUE);
  }

  /** As {@link #bound(MongoCollection)}, and at most this long (for optional work). */
  public static <T> MongoCollection<T> bound(MongoCollection<T> collection, long atMostMillis) {
    Long end = END.get();
    long left = end == null ? atMostMillis : TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
    if (left <= 0) {
      throw new MongoOperationTimeoutException("the request's datastore deadline has passed");
    }
    return left == Long.MAX_VALUE
        ? collection
        : collection.withTimeout(Math.min(left, atMostMillis), TimeUnit.MILLISECONDS);
  }
}
