package org.contacts.model;

/**
 * Where a reader of the change feed stands: still reading every contact there is (in id order,
 * after a given id, with the changes to follow from a position remembered before it began), or
 * following the changes from a position. Positions are the datastore's and opaque here.
 */
public sealed interface FeedCursor {

  /** The position from which the changes follow. */
  String changesFrom();

  /** The full read: the contacts after {@code afterId} (from the first when null). */
  record FullRead(String changesFrom, String afterId) implements FeedCursor {}

  /** The changes after a position. */
  record Changes(String changesFrom) implements FeedCursor {}
}
