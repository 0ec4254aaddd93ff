package bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The benchmark's settings, from the environment (bench/README.md), and where it works. */
final class Settings {

  static final Map<String, String> ENV = System.getenv();
  static final int WINDOW = number("WINDOW", 10);
  static final int CURVE_SECONDS = number("CURVE_SECONDS", 90);
  static final int CURVE_WINDOW = number("CURVE_WINDOW", 5);
  static final int SETTLE = number("SETTLE", 30);
  static final int ROUNDS = number("ROUNDS", 3);
  static final int CONTACTS = number("CONTACTS", 500);
  static final int SERVICE_PORT = number("SERVICE_PORT", 19090);
  static final int DATASTORE_PORT = number("DATASTORE_PORT", 27100);
  static final int ORIGINAL_PORT = number("ORIGINAL_PORT", 8100);
  static final int TRAINING_SECONDS = number("AOT_TRAINING_SECONDS", 40);
  static final int LAUNCH_SECONDS = number("LAUNCH_SECONDS", 60);
  /** EXCHANGE: 0 (the default) leaves out the export and import; 1 adds it; only runs it alone. */
  static final String EXCHANGE = ENV.getOrDefault("EXCHANGE", "0");
  static final int EXCHANGE_CONTACTS = number("EXCHANGE_CONTACTS", 100_000);
  /** Whether the service primes its hot paths before readiness (CONTACTS_PRIMING_ENABLED). */
  static final boolean PRIMING = !off("PRIMING");
  static final List<Integer> CONNECTIONS = List.of(32, 128);
  static final Path REPO = Path.of("").toAbsolutePath();
  static final Path WLP = REPO.resolve("target/liberty/wlp");
  static final Path OUT = REPO.resolve("target/bench/" + Instant.now().toString().replaceAll("[-:]|\\..*", ""));

  private Settings() {}

  /** Whether a step that runs by default was switched off with NAME=0. */
  static boolean off(String name) {
    return "0".equals(ENV.get(name));
  }

  static int number(String name, int fallback) {
    return Integer.parseInt(ENV.getOrDefault(name, Integer.toString(fallback)));
  }
}
