package org.contacts.priming;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;
import org.contacts.datastore.DatastoreUnavailableException.Kind;

/**
 * The refusals priming rides out instead of giving up: "overloaded" (the admission line or the
 * datastore's bulkhead had no place in time) and "too slow" (the datastore answers its heartbeats,
 * but not a request within its deadline). On a cold JVM under load from launch both come from the
 * service's own warm-up, its line slow to turn over and its driver's pool still filling, while the
 * datastore is fine; giving up then would leave the service unprimed for nothing. An unreachable
 * datastore still ends priming at once, and the bound ends the rest.
 */
final class Refusals {

  private final Map<Kind, LongAdder> counts = new EnumMap<>(Kind.class);

  Refusals() {
    counts.put(Kind.OVERLOADED, new LongAdder());
    counts.put(Kind.TOO_SLOW, new LongAdder());
  }

  /** Whether priming goes on after a refusal of this kind; counts it when it does. */
  boolean rideOut(Kind kind) {
    LongAdder count = kind == null ? null : counts.get(kind);
    if (count == null) {
      return false;
    }
    count.increment();
    return true;
  }

  /** What the log adds about them: empty when there were none. */
  String summary() {
    long total = 0;
    StringJoiner kinds = new StringJoiner(", ");
    for (Map.Entry<Kind, LongAdder> entry : counts.entrySet()) {
      long count = entry.getValue().sum();
      if (count > 0) {
        total += count;
        kinds.add(String.format(Locale.ROOT, "%s %,d", entry.getKey().tag(), count));
      }
    }
    return total == 0
        ? ""
        : String.format(
            Locale.ROOT,
            "; it rode out %,d refusals of a busy service or a slow datastore (%s)",
            total,
            kinds);
  }
}
