package bench;

import static bench.Report.say;
import static bench.Settings.CONTACTS;
import static bench.Settings.CURVE_SECONDS;

import bench.Load.Measured;
import bench.Load.Result;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the figures say: this service beside the original, and each target of issue 14. It reads
 * the drivers' results and measures nothing itself, so a new comparison is a method here.
 */
final class Verdicts {

  private static final List<String> KEYS = List.of("GET by id 32", "GET by id 128", "POST 32", "POST 128");

  private Verdicts() {}

  static void sideBySide(Map<String, Result> service, Map<String, Result> original, String datastoreCeiling) {
    say("\n## Settled, side by side on the same datastore (%d contacts)\n", CONTACTS);
    say("| workload | connections | this service req/s | p99 ms | CPU ms/req | original req/s | p99 ms | CPU ms/req | ratio | errors |");
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (String key : KEYS) {
      Result s = service.get(key);
      Result o = original.get(key);
      String workload = key.substring(0, key.lastIndexOf(' '));
      String connections = key.substring(key.lastIndexOf(' ') + 1);
      say("| %s | %s | %.0f | %.1f | %.2f | %s | %s | %s | %s | %d/%d |", workload, connections, s.rps(), s.p99(), s.cpuMs(0),
          o == null ? "-" : String.format("%.0f", o.rps()), o == null ? "-" : String.format("%.1f", o.p99()),
          o == null ? "-" : String.format("%.2f", o.totalCpuMs()), o == null ? "-" : String.format("%.1fx", s.rps() / o.rps()),
          s.non2xx() + s.socketErrors(), o == null ? 0 : o.non2xx() + o.socketErrors());
    }
    say("\nCPU ms/req: the service's JVM; for the original, gunicorn and its five workers together. errors: non-2xx and socket errors, this service/original.");
    Matcher ceiling = Pattern.compile("inserts_per_s=(\\d+) finds_per_s=(\\d+)").matcher(datastoreCeiling);
    if (ceiling.find()) {
      say("\nThe datastore alone, before either service started (32 threads of the driver in its own JVM, 5 s each): %s inserts/s, %s finds by id/s.",
          ceiling.group(1), ceiling.group(2));
    }
  }

  /** The targets of issue 14; restartReady is 0 when the restart was not measured. */
  static void targets(Measured plain, Map<String, Result> original, Optional<Result> jwt, double restartReady) {
    say("\n## Against the targets of issue 14\n");
    Result get32 = plain.table().get("GET by id 32");
    jwt.ifPresent(j -> say("- Auth on/off, GET by id at 32 connections: %.0f vs %.0f req/s (%.2f), CPU %.2f vs %.2f ms/req (%.2f); target within 10%%",
        j.rps(), get32.rps(), j.rps() / get32.rps(), j.cpuMs(0), get32.cpuMs(0), j.cpuMs(0) / get32.cpuMs(0)));
    Map<String, Double> share = Profiles.AUTHENTICATION_SHARE;
    if (share.containsKey("GET by id with a token") && share.containsKey("GET by id")) {
      say("- Auth in the profiles, GET by id: %.1f%% of the CPU samples with authentication on the stack with a token, %.1f%% without",
          share.get("GET by id with a token"), share.get("GET by id"));
    }
    Result get128 = plain.table().get("GET by id 128");
    Result post128 = plain.table().get("POST 128");
    // wrk keeps every connection busy, so the mean latency is connections / rate (Little's law),
    // and a p99 is never below the mean: it says what rate a p99 target needs.
    say("- p99 at 128 connections: GET by id %.1f ms (target < 25; the mean at %.0f req/s is %.1f ms, and 25 ms needs %.0f req/s),"
        + " POST %.1f ms (target < 50; the mean at %.0f req/s is %.1f ms, and 50 ms needs %.0f req/s)",
        get128.p99(), get128.rps(), 128_000 / get128.rps(), 128_000 / 25.0,
        post128.p99(), post128.rps(), 128_000 / post128.rps(), 128_000 / 50.0);
    for (String key : KEYS) {
      if (original.containsKey(key)) {
        say("- %s connections: %.1fx the original (target >= 4x)", key, plain.table().get(key).rps() / original.get(key).rps());
      }
    }
    say("- Resident set after the load: %d MB (target < 400)", plain.rssMb());
    warmUp(plain.curve(), get32.rps());
    say("- Ready on a restart: %s (target < 5 s)", restartReady > 0 ? String.format("%.1f s", restartReady) : "not measured (AUTH=0)");
  }

  private static void warmUp(List<Result> curve, double settled) {
    double first10 = 0;
    double seconds = 0;
    String reached = "not within " + CURVE_SECONDS + " s";
    for (Result window : curve) {
      if (seconds < 10) {
        first10 += window.requests();
      }
      seconds += window.seconds();
      if (window.rps() >= 0.9 * settled && reached.startsWith("not")) {
        reached = String.format("%.0f s after ready", seconds);
      }
    }
    say("- Warm-up: first 10 s after ready %.0f req/s, %.0f%% of the settled %.0f (target >= 50%%); 90%% of it reached %s (target <= 30 s)",
        first10 / Math.min(10, seconds), 100 * first10 / Math.min(10, seconds) / settled, settled, reached);
  }
}
