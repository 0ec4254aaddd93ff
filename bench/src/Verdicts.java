package bench;

import static bench.Report.say;
import static bench.Settings.CONTACTS;
import static bench.Settings.CURVE_SECONDS;
import static bench.Settings.CURVE_WINDOW;
import static bench.Settings.LAUNCH_SECONDS;

import bench.Load.Launch;
import bench.Load.Measured;
import bench.Load.Result;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the figures say: this service beside the original, and each target of issue 19. It reads
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
    ceiling(datastoreCeiling).ifPresent(c -> say(
        "\nThe datastore alone, before either service started (32 threads of the driver in its own JVM, 5 s each): %.0f inserts/s, %.0f finds by id/s.",
        c.get("POST"), c.get("GET by id")));
  }

  /** What the datastore served alone, by the workload that needs it: finds for GET by id, inserts for POST. */
  private static Optional<Map<String, Double>> ceiling(String line) {
    Matcher m = Pattern.compile("inserts_per_s=(\\d+) finds_per_s=(\\d+)").matcher(line);
    return m.find() ? Optional.of(Map.of("POST", Double.parseDouble(m.group(1)), "GET by id", Double.parseDouble(m.group(2))))
        : Optional.empty();
  }

  /**
   * The targets of issue 19, each with its verdict. The original's figures are needed by most;
   * without ORIGINAL they say so. restartReady is 0 when the restart was not measured.
   */
  static void targets(Measured plain, Optional<Measured> original, Authentication.Measured jwt, String datastoreCeiling)
      throws Exception {
    say("\n## Against the targets of issue 19\n");
    String drift = MachineGauge.drift();
    if (drift != null) {
      say("%s\n", drift);
    }
    Map<String, Result> table = plain.table();
    Map<String, Result> theirs = original.map(Measured::table).orElse(Map.of());
    Result get32 = table.get("GET by id 32");

    say("**Never behind the original.**");
    Result theirGet32 = theirs.get("GET by id 32");
    if (theirGet32 == null) {
      say("- Every %d s window after ready against the original's settled GET by id at 32 connections: no original measured", CURVE_WINDOW);
    } else {
      List<Result> curve = plain.curve();
      long behind = curve.stream().filter(w -> w.rps() < theirGet32.rps()).count();
      Result slowest = curve.stream().min(Comparator.comparingDouble(Result::rps)).orElseThrow();
      say("- Every %d s window after ready, GET by id at 32 connections, at least the original's settled %.0f req/s: the slowest served %.0f req/s"
          + " (window %d of %d), %d windows behind: %s",
          CURVE_WINDOW, theirGet32.rps(), slowest.rps(), curve.indexOf(slowest) + 1, curve.size(), behind, verdict(behind == 0));
    }
    Launch ours = plain.launch();
    Launch theirLaunch = original.map(Measured::launch).orElse(null);
    if (ours == null) {
      say("- First %d s after launch: not measured (LAUNCH_SECONDS=0)", LAUNCH_SECONDS);
    } else if (theirLaunch == null) {
      say("- First %d s after launch under GET by id at 32 connections: %,d served; no original measured", LAUNCH_SECONDS, ours.load().served());
    } else {
      long theirServed = Math.max(1, theirLaunch.load().served());
      say("- First %d s after launch under GET by id at 32 connections, started as the image starts a new pod, at least as many served as"
          + " the original: %,d against %,d (%.2fx): %s", LAUNCH_SECONDS, ours.load().served(), theirLaunch.load().served(),
          ours.load().served() / (double) theirServed, verdict(ours.load().served() >= theirLaunch.load().served()));
      Launch fresh = plain.freshLaunch();
      say("  (a fresh start, without a workarea: %,d served, %.2fx; the port open at %.1f s against %.1f s)", fresh.load().served(),
          fresh.load().served() / (double) theirServed, fresh.listening(), ours.listening());
      if (ours.cpu() != null) {
        say("  (what limits it: by the end of the load, the service's JVM, started as the image starts a pod, had used %s)", ours.cpu());
      }
    }

    say("\n**Warm soon.**");
    warmUp(plain.curve(), get32.rps());
    int jdk = AotCache.serviceJdkFeature();
    String launchToReady = String.format("- Launch to ready on a fresh start, %s: %.1f s on JDK %d%s", 
        Settings.PRIMING ? "priming included" : "without priming (PRIMING=0)", plain.readySeconds(), jdk,
        AotCache.trained ? " with the AOT cache trained on the priming traffic" : ", no AOT cache");
    if (jdk < 25) {
      say("%s (target <= 30 s on JDK 17): %s", launchToReady, verdict(plain.readySeconds() <= 30));
    } else {
      say("%s (target: less than JDK 17's, from a run with JAVA_HOME on JDK 17; at most 30 s: %s)", launchToReady,
          verdict(plain.readySeconds() <= 30));
    }
    original.ifPresent(o -> say("  (the original: ready %.1f s after launch)", o.readySeconds()));
    if (jwt.restartReady() > 0) {
      say("  (a restart, workarea kept, in jwt mode: ready %.1f s after launch)", jwt.restartReady());
    }

    say("\n**Settled.**");
    Optional<Map<String, Double>> ceiling = ceiling(datastoreCeiling);
    for (String key : KEYS) {
      Result s = table.get(key);
      Result o = theirs.get(key);
      boolean post = key.startsWith("POST");
      if (o == null) {
        say("- %s connections: %.0f req/s, %.2f CPU ms/req; no original measured", key, s.rps(), s.cpuMs(0));
        continue;
      }
      say("- %s connections: %.0f req/s, %.1fx the original's %.0f (target >= 3x): %s", key, s.rps(), s.rps() / o.rps(), o.rps(),
          verdict(s.rps() >= 3 * o.rps()));
      double share = post ? 3 : 4;
      say("  CPU per request %.3f ms, %.2f of the original's %.3f (target <= 1/%.0f): %s", s.cpuMs(0), s.cpuMs(0) / o.totalCpuMs(),
          o.totalCpuMs(), share, verdict(s.cpuMs(0) <= o.totalCpuMs() / share));
    }
    ceiling.ifPresent(c -> {
      for (String workload : List.of("GET by id", "POST")) {
        double best = Math.max(table.get(workload + " 32").rps(), table.get(workload + " 128").rps());
        say("- %s against the datastore alone: %.0f req/s (the better of 32 and 128 connections), %.0f%% of its %.0f %s/s (target >= 50%%): %s",
            workload, best, 100 * best / c.get(workload), c.get(workload), workload.equals("POST") ? "inserts" : "finds by id",
            verdict(best >= c.get(workload) / 2));
      }
    });

    say("\n**Tail.**");
    for (String key : List.of("GET by id 128", "POST 128")) {
      Result s = table.get(key);
      Result o = theirs.get(key);
      // wrk keeps every connection busy, so the mean latency is connections / rate (Little's law),
      // and a p99 is never below the mean: it says what rate a p99 target needs.
      say("- p99 %s connections: %.1f ms (the mean at %.0f req/s is %.1f ms)%s", key, s.p99(), s.rps(), 128_000 / s.rps(),
          o == null ? "; no original measured"
              : String.format(", the original's %.1f ms (target <= half: %.1f ms): %s", o.p99(), o.p99() / 2, verdict(s.p99() <= o.p99() / 2)));
    }

    say("\n**Authentication.**");
    jwt.cpuRatio().ifPresentOrElse(ratio -> say("- jwt against none, GET by id at 32 connections, %d pairs of windows in turn on two servers:"
        + " CPU per request %.2fx, the median of the pairs (from %.2fx to %.2fx; target <= 1.10x): %s", jwt.pairs().size(), ratio,
        jwt.pairs().stream().mapToDouble(Authentication.Pair::cpuRatio).min().orElseThrow(),
        jwt.pairs().stream().mapToDouble(Authentication.Pair::cpuRatio).max().orElseThrow(), verdict(ratio <= 1.10)),
        () -> say("- jwt against none: not measured (AUTH=0, or the restart in jwt mode or the windows in turn said why above)"));
    jwt.settled().ifPresent(j -> say("  (the jwt restart's settled windows against the first start's, minutes apart: CPU %.3f against %.3f ms/req,"
        + " %.2fx; rate %.0f against %.0f req/s, %.2fx)", j.cpuMs(0), get32.cpuMs(0), j.cpuMs(0) / get32.cpuMs(0), j.rps(), get32.rps(),
        j.rps() / get32.rps()));
    Map<String, Double> share = Profiles.AUTHENTICATION_SHARE;
    if (share.containsKey("GET by id with a token") && share.containsKey("GET by id")) {
      double more = share.get("GET by id with a token") - share.get("GET by id");
      say("- jwt against none in the profiles, GET by id: %.1f%% of the CPU samples with authentication on the stack with a token, %.1f%% without,"
          + " %.1f points more (target <= 10): %s", share.get("GET by id with a token"), share.get("GET by id"), more, verdict(more <= 10));
    } else {
      say("- jwt against none in the profiles: not profiled (PROFILE=0 or AUTH=0)");
    }

    say("\n**Memory.**");
    say("- Resident set after the load: %d MB (target < 400): %s", plain.rssMb(), verdict(plain.rssMb() < 400));
    // The export and import of 100,000 contacts (issue 19) is measured by a driver of its own.
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }

  private static void warmUp(List<Result> curve, double settled) {
    double first10 = 0;
    double seconds = 0;
    String reached = "not reached within the " + CURVE_SECONDS + " s measured";
    boolean soon = false;
    for (Result window : curve) {
      if (seconds < 10) {
        first10 += window.requests();
      }
      seconds += window.seconds();
      if (window.rps() >= 0.9 * settled && reached.startsWith("not")) {
        reached = String.format("reached %.0f s after ready", seconds);
        soon = seconds <= 30.5;
      }
    }
    double rate = first10 / Math.min(10, seconds);
    say("- First 10 s after ready: %.0f req/s, %.0f%% of the settled %.0f (target >= 50%%): %s", rate, 100 * rate / settled, settled,
        verdict(rate >= settled / 2));
    say("- 90%% of the settled rate: %s (target <= 30 s): %s", reached, verdict(soon));
  }
}
