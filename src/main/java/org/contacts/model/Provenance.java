package org.contacts.model;

import java.time.Instant;

/**
 * When a contact was created and last changed, and by whom. Any part may be unknown (null): a
 * contact stored before the service recorded this has no creator, and no last change until its next
 * write; the service without tokens knows no subjects.
 */
public record Provenance(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

  public static final Provenance UNKNOWN = new Provenance(null, null, null, null);

  /** A contact created by this change. */
  public static Provenance createdBy(Change change) {
    return new Provenance(change.at(), change.by(), change.at(), change.by());
  }

  /** This contact, changed again. */
  public Provenance changedBy(Change change) {
    return new Provenance(createdAt, createdBy, change.at(), change.by());
  }
}
