package org.contacts.priming;

/**
 * When a rate that climbs while the JIT compiles has levelled off: after a number of windows in a
 * row that bring no new best, a new best being a rate more than the tolerance above the last one.
 * Gains within the tolerance do not move the best, so a slow steady climb still counts as climbing
 * once it adds up, and noise around a plateau does not.
 */
final class LevellingOff {

  private final int steadyWindows;
  private final double tolerance;
  private double best;
  private int windowsSinceBest;

  LevellingOff(int steadyWindows, double tolerance) {
    this.steadyWindows = steadyWindows;
    this.tolerance = tolerance;
  }

  /** Records one window's rate and says whether the rate has now levelled off. */
  boolean add(double rate) {
    if (rate > best * (1 + tolerance)) {
      best = rate;
      windowsSinceBest = 0;
    } else {
      windowsSinceBest++;
    }
    // A rate that never rose above zero is a service that does not answer, not a plateau.
    return best > 0 && windowsSinceBest >= steadyWindows;
  }

  /** The best rate seen, in requests per second. */
  double best() {
    return best;
  }
}
