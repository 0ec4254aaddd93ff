package org.contacts.datastore;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.contacts.datastore.DatastoreUnavailableException.Kind;

/**
 * The gate's warnings about the datastore: the first refusal of a kind, then at most one line per
 * kind per interval, which says how many refusals it stands for and, in the driver's words, why.
 * During an outage nearly every request is refused; a warning for each had the request threads
 * queue for the log, which Liberty writes under one lock, while the probes waited for a thread. The
 * metric still counts every one.
 */
final class RefusalWarnings {

  static final long INTERVAL_SECONDS = 10;

  private final LongSupplier nanoClock;
  private final Map<Kind, AtomicLong> nextLine = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicLong> unwritten = new EnumMap<>(Kind.class);

  RefusalWarnings(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    long now = nanoClock.getAsLong();
    for (Kind kind : Kind.values()) {
      nextLine.put(kind, new AtomicLong(now));
      unwritten.put(kind, new AtomicLong());
    }
  }

  /** The warning to write for this refusal, or null when the interval's line was written. */
  String line(Kind kind, Throwable cause) {
    unwritten.get(kind).incrementAndGet();
    long now = nanoClock.getAsLong();
    AtomicLong next = nextLine.get(kind);
    long due = next.get();
    if (now - due < 0
        || !next.compareAndSet(due, now + TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS))) {
      return null;
    }
    long others = unwritten.get(kind).getAndSet(0) - 1;
    String line = "Datastore " + kind.tag();
    if (others > 0) {
      line += " (and " + others + " more such refusals since the last warning of this kind)";
    }
    return line + ": " + reason(cause);
  }

  /**
   * The driver's own words say which wait ran out (server selection, a connection from the pool,
   * the answer); they name the server's address and never a password.
   */
  private static String reason(Throwable cause) {
    String type = cause.getClass().getSimpleName();
    return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
  }
}
