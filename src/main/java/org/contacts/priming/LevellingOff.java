package org.contacts.priming;

/**
 * When a rate that climbs while the JIT compiles has levelled off: after a number of windows in a
 * row that bring no new best and in which the JIT compiler was quiet, a new best being a rate more
 * than the tolerance above the last one. Gains within the tolerance do not move the best, so a slow
 * steady climb still counts as climbing once it adds up, and noise around a plateau does not. The
 * rate alone is not enough: on a small machine it stalls for seconds at a time while the compiler
 * works through its queue, and rises again when the compiled code lands.
 */
final class LevellingOff {

  private final int steadyWindows;
  private final double tolerance;
  private final double quietCompilingShare;
  private double best;
  private int windowsSinceBest;

  /**
   * @param quietCompilingShare the most of a window the compiler may spend compiling (summed over
   *     its threads) for that window to count as steady
   */
  LevellingOff(int steadyWindows, double tolerance, double quietCompilingShare) {
    this.steadyWindows = steadyWindows;
    this.tolerance = tolerance;
    this.quietCompilingShare = quietCompilingShare;
  }

  /**
   * Records one window's rate, and the share of it the compiler spent compiling (0 when the JVM
   * does not tell), and says whether the rate has now levelled off.
   */
  boolean add(double rate, double compilingShare) {
    if (rate > best * (1 + tolerance)) {
      best = rate;
      windowsSinceBest = 0;
    } else if (compilingShare > quietCompilingShare) {
      windowsSinceBest = 0; // still compiling: the plateau may be a wait for compiled code
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
