package it.org.contacts.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition a test cannot be told about, such as a datastore coming back. */
public final class Eventually {

  private static final long POLL_MILLIS = 200;

  private Eventually() {}

  /**
   * Checks the condition until it holds or the time is up.
   *
   * @throws AssertionError with the description when it never held
   */
  public static void await(String description, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + description);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + description, e);
      }
    }
  }
}
