package org.contacts.model;

import java.util.Set;

/**
 * The versions a conditional write may apply to: any, or only while the contact exists (If-Match:
 * *), or while it has one of a set of versions, or never (a condition no version meets).
 */
public sealed interface ExpectedVersion {

  ExpectedVersion NONE = new Unconditional();
  ExpectedVersion ANY_EXISTING = new AnyExisting();
  ExpectedVersion NEVER = new Never();

  /** One of these versions; none at all is a condition that never holds. */
  static ExpectedVersion oneOf(Set<Long> versions) {
    return versions.isEmpty() ? NEVER : new OneOf(Set.copyOf(versions));
  }

  /** Whether a contact at this version meets the condition. */
  boolean admits(long version);

  /** Whether a write that found no contact to apply to may have met one at another version. */
  default boolean namesVersions() {
    return this instanceof OneOf || this instanceof Never;
  }

  record Unconditional() implements ExpectedVersion {
    @Override
    public boolean admits(long version) {
      return true;
    }
  }

  record AnyExisting() implements ExpectedVersion {
    @Override
    public boolean admits(long version) {
      return true;
    }
  }

  record OneOf(Set<Long> versions) implements ExpectedVersion {
    @Override
    public boolean admits(long version) {
      return versions.contains(version);
    }
  }

  record Never() implements ExpectedVersion {
    @Override
    public boolean admits(long version) {
      return false;
    }
  }
}
