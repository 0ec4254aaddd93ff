package org.contacts.health;

/**
 * What the readiness check reads of priming. The priming package provides it: priming drives the
 * API, which reads these checks, so the checks know priming only through this.
 */
public interface PrimingState {

  /** Where priming is: off, running, or done (primed or given up). */
  enum Stage {
    OFF,
    RUNNING,
    DONE
  }

  Stage stage();

  /** How the last priming ended, or null while none has. */
  PrimingOutcome outcome();
}
