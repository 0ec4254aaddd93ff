package org.contacts.model;

import java.util.List;

/** One change of the feed and the cursor that follows it. */
public record FeedEntry(ContactChange change, FeedCursor after) {

  /**
   * One page of the feed: its entries, the cursor to read on from, and whether it reached the
   * present.
   */
  public record Page(List<FeedEntry> entries, FeedCursor next, boolean caughtUp) {

    public Page {
      entries = List.copyOf(entries);
    }
  }
}
