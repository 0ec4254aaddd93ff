package org.contacts.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LevellingOffTest {

  /** The most of a window the compiler may spend compiling for it to count as steady. */
  private static final double QUIET = 0.25;

  /** Feeds the rates and answers the index of the window at which the rate levelled off, or -1. */
  private static int levelledAt(LevellingOff levelling, double... rates) {
    for (int i = 0; i < rates.length; i++) {
      if (levelling.add(rates[i], 0)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aRateThatStopsClimbingLevelsOffAfterTheSteadyWindows() {
    assertEquals(
        6,
        levelledAt(new LevellingOff(3, 0.05, QUIET), 100, 300, 700, 1000, 1010, 990, 1020, 1000),
        "three windows without a gain over 5% after the climb to 1000");
  }

  @Test
  void aClimbingRateNeverLevelsOff() {
    assertEquals(
        -1,
        levelledAt(new LevellingOff(3, 0.05, QUIET), 100, 120, 150, 180, 220, 260, 300, 360, 430),
        "each window beats the best by more than the tolerance");
  }

  @Test
  void aSlowClimbWithinTheToleranceEachWindowStillCountsAsClimbingOnceItAddsUp() {
    // 4% a window: no single window beats the best by 5%, but the second one after a best does.
    assertEquals(
        -1,
        levelledAt(
            new LevellingOff(3, 0.05, QUIET), 1000, 1040, 1082, 1125, 1170, 1217, 1265, 1316),
        "gains within the tolerance do not move the best, so they add up to a new best");
  }

  @Test
  void noiseAroundAPlateauDoesNotRestartTheCount() {
    assertEquals(
        4,
        levelledAt(new LevellingOff(3, 0.05, QUIET), 500, 1000, 960, 1040, 980),
        "windows within 5% of the best, up or down, count as steady");
  }

  @Test
  void aServiceThatAnswersNothingHasNotLevelledOff() {
    LevellingOff levelling = new LevellingOff(3, 0.05, QUIET);
    for (int i = 0; i < 10; i++) {
      assertFalse(levelling.add(0, 0), "a rate of zero is no plateau");
    }
    assertEquals(0, levelling.best(), "no best rate yet");
  }

  @Test
  void aSingleSteadyWindowIsEnoughWhenTheSettingSaysSo() {
    LevellingOff levelling = new LevellingOff(1, 0.10, QUIET);
    assertFalse(levelling.add(800, 0), "the first window is a new best");
    assertTrue(levelling.add(850, 0), "850 is within 10% of 800");
    assertEquals(800, levelling.best(), "the best stays the one last beaten by the tolerance");
  }

  @Test
  void aPlateauWhileTheCompilerIsBusyIsNotLevelledOff() {
    LevellingOff levelling = new LevellingOff(3, 0.05, QUIET);
    assertFalse(levelling.add(700, 1.4), "the first window is a new best");
    for (int i = 0; i < 10; i++) {
      assertFalse(levelling.add(710, 0.9), "a flat rate with the compiler busy 90% of each window");
    }
    assertFalse(levelling.add(705, 0.1), "the first quiet window");
    assertFalse(levelling.add(695, 0.2), "the second");
    assertTrue(levelling.add(700, 0.25), "the third quiet window in a row levels it off");
  }

  @Test
  void aBusyWindowStartsTheCountAgain() {
    LevellingOff levelling = new LevellingOff(3, 0.05, QUIET);
    levelling.add(1000, 0);
    levelling.add(1000, 0);
    levelling.add(1000, 0);
    assertFalse(levelling.add(1000, 0.6), "the compiler got busy again: compiled code may follow");
    levelling.add(1000, 0);
    levelling.add(1000, 0);
    assertTrue(levelling.add(1000, 0), "three quiet windows after the busy one");
  }
}
