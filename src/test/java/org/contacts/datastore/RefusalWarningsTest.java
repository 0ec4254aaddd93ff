package org.contacts.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.util.concurrent.TimeUnit;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.junit.jupiter.api.Test;

/** An outage is told in the log, not once for every request it refuses. */
class RefusalWarningsTest {

  private long now = 1_000;
  private final RefusalWarnings warnings = new RefusalWarnings(() -> now);
  private final MongoOperationTimeoutException timeout =
      new MongoOperationTimeoutException(
          "Timed out after 1499 ms while waiting for a connection to server 127.0.0.1:27017.");

  @Test
  void firstRefusalOfAKindIsWarnedThenOneLineAnIntervalCountsTheOthers() {
    assertEquals(
        "Datastore too_slow: MongoOperationTimeoutException: Timed out after 1499 ms while waiting"
            + " for a connection to server 127.0.0.1:27017.",
        warnings.line(Kind.TOO_SLOW, timeout),
        "the first refusal is told at once, with the driver's reason");
    assertNull(warnings.line(Kind.TOO_SLOW, timeout), "the next, within the interval, is not");
    assertNull(warnings.line(Kind.TOO_SLOW, timeout), "nor the one after");

    now += TimeUnit.SECONDS.toNanos(RefusalWarnings.INTERVAL_SECONDS);
    assertEquals(
        "Datastore too_slow (and 2 more such refusals since the last warning of this kind):"
            + " MongoOperationTimeoutException: Timed out after 1499 ms while waiting for a"
            + " connection to server 127.0.0.1:27017.",
        warnings.line(Kind.TOO_SLOW, timeout),
        "after the interval, one line stands for those not told");
  }

  @Test
  void eachKindIsWarnedOnItsOwn() {
    warnings.line(Kind.TOO_SLOW, timeout);
    assertEquals(
        "Datastore unreachable: MongoSocketOpenException: refused",
        warnings.line(
            Kind.UNREACHABLE,
            new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 1))),
        "an outage is told even just after slowness was");
  }
}
