package bench;

import static bench.Brownout.DEADLINE_MS;
import static bench.Brownout.LIVENESS_MS;
import static bench.Brownout.MARGIN_MS;
import static bench.Brownout.RECOVERY_MS;
import static bench.Report.say;

import bench.Brownout.Phase;
import bench.BrownoutClients.Call;
import bench.BrownoutClients.Probe;
import bench.BrownoutClients.Writes;
import bench.JvmSignals.Pause;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The brownout's figures by phase, and its verdicts against issue 20. */
record BrownoutReport(List<Phase> phases, List<Call> calls, List<Probe> probes, List<Pause> pauses) {

  static final List<String> REFUSALS = List.of("Datastore did not answer in time", "Datastore is unreachable", "Service is overloaded");
  static final long BOUND_MS = DEADLINE_MS + MARGIN_MS;

  void table() {
    say("\n| phase | s | calls | 200/201 | 503 too slow | 503 unreachable | 503 overloaded | other | slowest call ms | calls > %d ms"
        + " | /health/live slowest ms (not 200) | /ping slowest ms | /health/ready UP/DOWN | GC pauses, longest ms |", BOUND_MS);
    say("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Phase phase : phases) {
      List<Call> in = calls.stream().filter(c -> phase.holds(c.at())).toList();
      List<Probe> live = probes(phase, "/health/live");
      List<Probe> ready = probes(phase, "/health/ready");
      List<Pause> paused = pauses.stream().filter(p -> phase.holds(p.at())).toList();
      say("| %s | %.0f | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d (%d) | %,d | %d/%d | %d, %.0f |", phase.name(),
          (phase.to() - phase.from()) / 1000.0, in.size(), count(in, Call::isSuccess),
          count(in, c -> c.isRefusal() && c.title().equals(REFUSALS.get(0))), count(in, c -> c.isRefusal() && c.title().equals(REFUSALS.get(1))),
          count(in, c -> c.isRefusal() && c.title().equals(REFUSALS.get(2))), count(in, BrownoutReport::isWrong),
          slowest(in), count(in, c -> c.millis() > BOUND_MS),
          live.stream().mapToLong(Probe::millis).max().orElse(-1), live.stream().filter(p -> p.status() != 200).count(),
          probes(phase, "/ping").stream().mapToLong(Probe::millis).max().orElse(-1),
          ready.stream().filter(p -> p.status() == 200).count(), ready.stream().filter(p -> p.status() != 200).count(),
          paused.size(), paused.stream().mapToDouble(Pause::millis).max().orElse(0));
    }
    Map<String, Long> wrong = calls.stream().filter(BrownoutReport::isWrong)
        .collect(Collectors.groupingBy(c -> c.method() + " " + c.status() + " " + c.title(), TreeMap::new, Collectors.counting()));
    if (!wrong.isEmpty()) {
      say("\nOther answers (method, status, title): %s", wrong);
    }
    calls.stream().max(Comparator.comparingLong(Call::millis)).ifPresent(c -> say("\nSlowest call: %s %d (%s) in %,d ms, asked at %.1f s",
        c.method(), c.status(), c.title(), c.millis(), c.at() / 1000.0));
    say("\nPhases began at %s s; liveness probes over %d ms (asked at s: ms) %s; collector pauses of 200 ms or more (at s: ms) %s",
        phases.stream().map(p -> String.format("%.1f", p.from() / 1000.0)).toList(), LIVENESS_MS,
        probes.stream().filter(p -> p.path().equals("/health/live") && p.millis() > LIVENESS_MS)
            .map(p -> String.format("%.1f: %d", p.at() / 1000.0, p.millis())).toList(),
        pauses.stream().filter(p -> p.at() >= 0 && p.millis() >= 200).map(p -> String.format("%.1f: %.0f", p.at() / 1000.0, p.millis())).toList());
  }

  /** The verdicts, on every phase but the warm-up. */
  void verdicts(Writes writes) {
    long judged = phases.get(1).from();
    List<Call> calls = this.calls.stream().filter(c -> c.at() >= judged).toList();
    Phase partition = phases.get(phases.size() - 2);
    Phase healed = phases.get(phases.size() - 1);
    say("\n## Verdicts (issue 20), from the normal phase on\n");
    List<Probe> live = probes.stream().filter(p -> p.path().equals("/health/live") && p.at() >= judged).toList();
    long lateLive = live.stream().filter(p -> p.status() != 200 || p.millis() > LIVENESS_MS).count();
    verdict(lateLive == 0, "liveness 200 within %d ms on every probe: %d of %d probes were not (slowest %d ms)",
        LIVENESS_MS, lateLive, live.size(), live.stream().mapToLong(Probe::millis).max().orElse(0));
    long wrong = count(calls, BrownoutReport::isWrong);
    verdict(wrong == 0, "every call 200/201, or 503 with Retry-After and a JSON:API errors document: %,d of %,d calls were neither",
        wrong, calls.size());
    long late = count(calls, c -> c.millis() > BOUND_MS);
    verdict(late == 0, "every call within the deadline + 1 s (%d ms): %,d calls took longer (slowest %,d ms)", BOUND_MS, late, slowest(calls));
    long down = probes(partition, "/health/ready").stream().filter(p -> p.status() == 503).count();
    verdict(down > 0, "readiness DOWN during the partition: %d of %d probes answered 503%s", down, probes(partition, "/health/ready").size(),
        firstAfter(partition, "/health/ready", p -> p.status() == 503).stream().mapToObj(ms -> String.format(", the first %.1f s in", ms / 1000.0)).findFirst().orElse(""));
    OptionalLong ready = firstAfter(healed, "/health/ready", p -> p.status() == 200);
    OptionalLong served = calls.stream().filter(c -> c.at() >= healed.from() && c.method().equals("GET") && c.status() == 200)
        .mapToLong(c -> c.at() + c.millis() - healed.from()).min();
    long recovery = Math.max(ready.orElse(Long.MAX_VALUE), served.orElse(Long.MAX_VALUE));
    verdict(recovery <= RECOVERY_MS, "recovery within %d s of the network healing: readiness UP after %s, the first GET served after %s",
        RECOVERY_MS / 1000, seconds(ready), seconds(served));
    verdict(writes.missing() == 0 && writes.unread() == 0, "every acknowledged write still there: %,d acknowledged, %,d missing (404), %,d not read (another answer)",
        writes.acknowledged(), writes.missing(), writes.unread());
  }

  private static void verdict(boolean met, String format, Object... values) {
    say("- %s: %s", met ? "met" : "**missed**", String.format(format, values));
  }

  /** Neither a success nor a refusal a client can act on. */
  private static boolean isWrong(Call call) {
    return !call.isSuccess() && !call.isRefusal();
  }

  private List<Probe> probes(Phase phase, String path) {
    return probes.stream().filter(p -> p.path().equals(path) && phase.holds(p.at())).toList();
  }

  /** When, after the phase began, the first probe of the path that matches was answered. */
  private OptionalLong firstAfter(Phase phase, String path, Predicate<Probe> matches) {
    return probes(phase, path).stream().filter(matches).mapToLong(p -> p.at() + p.millis() - phase.from()).min();
  }

  private static long count(List<Call> calls, Predicate<Call> matches) {
    return calls.stream().filter(matches).count();
  }

  private static long slowest(List<Call> calls) {
    return calls.stream().mapToLong(Call::millis).max().orElse(0);
  }

  private static String seconds(OptionalLong millis) {
    return millis.isPresent() ? String.format("%.1f s", millis.getAsLong() / 1000.0) : "never";
  }
}
