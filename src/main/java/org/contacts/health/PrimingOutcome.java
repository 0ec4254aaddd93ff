package org.contacts.health;

/**
 * How a priming ended: the requests it made, how long it took, why it stopped, and whether it gave
 * up (the service could not serve what it asked) rather than primed.
 */
public record PrimingOutcome(long requests, long millis, String reason, boolean gaveUp) {}
