package org.contacts.repository;

import java.util.List;
import org.contacts.model.ContactChange;

/**
 * The changes to the contacts in the order the datastore applied them, read from positions that the
 * datastore keeps for a while (MongoDB's change stream; its oplog's window).
 */
public interface ContactChanges {

  /** A position at or before the present: reading from it misses no change made after the call. */
  String present();

  /**
   * At most {@code max} changes after a position, oldest first.
   *
   * @throws ChangeHistoryLostException when the datastore no longer keeps that position
   * @throws IllegalArgumentException when the text is no position of this datastore
   */
  Batch after(String position, int max);

  /** A change and the position right after it. */
  record Positioned(ContactChange change, String after) {}

  /**
   * Changes read, the position to read on from, and whether they reached the present (no further
   * change was waiting).
   */
  record Batch(List<Positioned> changes, String next, boolean caughtUp) {}
}
