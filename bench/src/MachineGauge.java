package bench;

import static bench.Report.say;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast this machine runs at a moment: a fixed piece of work on one thread (SHA-256 over 128
 * MB), the best of three after one to warm it. Read at the start of a run, before the original is
 * measured and after it. This machine's speed drifts by a third and more within an hour, and the
 * service and the original are measured minutes apart, so a ratio between them can compare two
 * stretches of different speed; the readings say when a run's did.
 */
final class MachineGauge {

  /** Readings that differ by more than this share are called a drift. */
  private static final double DRIFT = 0.15;

  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS = 128;
  private static final Map<String, Double> READINGS = new LinkedHashMap<>();

  private MachineGauge() {}

  /** Takes a reading and says it. */
  static void read(String when) throws Exception {
    work();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      work();
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    READINGS.put(when, best);
    say("- Machine gauge %s: %.0f ms (SHA-256 of %d MB on one thread, best of 3; lower is faster)", when, best, CHUNKS);
  }

  /** The readings side by side when the slowest is more than 15% above the fastest; null when not. */
  static String drift() {
    if (READINGS.size() < 2) {
      return null;
    }
    double fastest = READINGS.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double slowest = READINGS.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    if (slowest <= fastest * (1 + DRIFT)) {
      return null;
    }
    StringBuilder readings = new StringBuilder();
    READINGS.forEach((when, millis) -> readings.append(readings.length() == 0 ? "" : ", ")
        .append(String.format("%.0f ms %s", millis, when)));
    return String.format("The machine's speed drifted during this run (gauge %s, the slowest %.0f%% above the fastest):"
        + " the ratios to the original compare stretches of different speed.", readings, (slowest / fastest - 1) * 100);
  }

  private static void work() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < CHUNKS; i++) {
      chunk[i] = (byte) i;
      sha.update(chunk);
    }
    if (sha.digest().length != 32) {
      throw new IllegalStateException("SHA-256 gave a digest of another length");
    }
  }
}
