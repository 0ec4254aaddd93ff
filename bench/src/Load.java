package bench;

import static bench.Settings.CONNECTIONS;
import static bench.Settings.CURVE_SECONDS;
import static bench.Settings.CURVE_WINDOW;
import static bench.Settings.LAUNCH_SECONDS;
import static bench.Settings.ROUNDS;
import static bench.Settings.SETTLE;
import static bench.Settings.WINDOW;
import static bench.Shell.args;
import static bench.Shell.check;
import static bench.Shell.cpuTicks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The load: wrk windows and what they measure, the warm-up curve and the settled table. */
final class Load {

  private static final Pattern RESULT = Pattern.compile(
      "RESULT requests=(\\d+) seconds=([\\d.]+) p50_ms=[\\d.]+ p99_ms=([\\d.]+) max_ms=[\\d.]+ non2xx=(\\d+) socket_errors=(\\d+)");

  private Load() {}

  /** One wrk window; CPU ticks of the given processes are read before and after it. */
  record Result(long requests, double seconds, double p99, long non2xx, long socketErrors, List<Double> cpuSeconds) {
    double rps() {
      return requests / seconds;
    }

    double cpuMs(int process) {
      return requests == 0 ? 0 : cpuSeconds.get(process) * 1000 / requests;
    }

    double totalCpuMs() {
      return requests == 0 ? 0 : cpuSeconds.stream().mapToDouble(Double::doubleValue).sum() * 1000 / requests;
    }

    /** The answers with a 2xx status: what was served. */
    long served() {
      return requests - non2xx;
    }
  }

  /**
   * The load that started at launch: the window's result, when the port first accepted a
   * connection and when the load ended (seconds after launch), and when the service was ready.
   */
  /**
   * @param refusals what the service says it refused, and how its priming ended; null when unknown
   * @param cpu where the service's CPU went by the end of the load, by kind of thread; null when unknown
   */
  record Launch(Result load, double listening, double ended, double ready, String refusals, String cpu) {
    Launch withServiceSaid(String refusals, String cpu) {
      return new Launch(load, listening, ended, ready, refusals, cpu);
    }
  }

  /** This service's two starts under load from launch: without a workarea, and as the image starts a new pod. */
  record Launches(Launch fresh, Launch fromImage) {}

  /**
   * A service measured: its settled table by workload and connections ("GET by id 32"), its
   * warm-up curve after readiness (empty for the original), its resident set after the load, its
   * launch to ready on the measured (fresh, unloaded) start, its first LAUNCH_SECONDS under load
   * from launch (for this service, started as the image starts a new pod), and, for this service
   * alone, the same on a fresh start (both null when LAUNCH_SECONDS=0).
   */
  record Measured(Map<String, Result> table, List<Result> curve, long rssMb, double readySeconds, Launch launch,
      Launch freshLaunch) {}

  static Result wrk(String url, int connections, int seconds, List<Long> pids, String script, List<String> scriptArgs) throws Exception {
    List<Long> watched = new ArrayList<>(pids);
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
        "-s", "bench/wrk/" + script, url, "--"));
    command.addAll(scriptArgs);
    long[] before = watched.stream().mapToLong(Shell::cpuTicks).toArray();
    String out = Shell.output(command);
    Matcher m = RESULT.matcher(out);
    check(m.find(), "wrk printed no RESULT: " + out);
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < watched.size(); i++) {
      cpu.add((cpuTicks(watched.get(i)) - before[i]) / (double) Shell.TICKS_PER_SECOND);
    }
    Result r = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), cpu);
    if (r.non2xx > 0 || r.socketErrors > 0) {
      Shell.log(String.format("%s %s at %d connections: %d non-2xx, %d socket errors", url, script, connections, r.non2xx, r.socketErrors));
    }
    return r;
  }

  /**
   * GET by id at 32 connections from the moment of launch for LAUNCH_SECONDS, as a client that
   * retries sees a new instance: launch starts the service and returns once it is ready. While no
   * listener exists a connection is refused and nothing is served, so the load waits for the port
   * (wrk would retry refused connections in a busy loop, taking a core from the starting service)
   * and runs for the whole seconds that remain; answers other than 2xx count as nothing served.
   */
  static Launch fromLaunch(int port, Path ids, Callable<Double> launch) throws Exception {
    long launched = System.nanoTime();
    CompletableFuture<double[]> listening = new CompletableFuture<>();
    CompletableFuture<Result> load = CompletableFuture.supplyAsync(() -> {
      try {
        double since = 0;
        while (!Shell.listening(port) && since < LAUNCH_SECONDS) {
          Shell.sleep(10);
          since = (System.nanoTime() - launched) / 1e9;
        }
        int left = (int) (LAUNCH_SECONDS - since);
        listening.complete(new double[] {since});
        return left < 1 ? new Result(0, 0, 0, 0, 0, List.of()) 
            : wrk("http://127.0.0.1:" + port, 32, left, List.of(), "get-by-id.lua", List.of(ids.toString()));
      } catch (Exception e) {
        throw new IllegalStateException("the load from launch: " + e.getMessage(), e);
      }
    });
    double ready = launch.call();
    Result result = load.get(LAUNCH_SECONDS + 60L, TimeUnit.SECONDS);
    double since = listening.get()[0];
    return new Launch(result, since, since + result.seconds(), ready, null, null);
  }

  /** GET by id at 32 connections from the moment the service is ready, window by window, then the settling. */
  static List<Result> warmUpCurve(Service service, Path ids, String token) throws Exception {
    List<Result> curve = new ArrayList<>();
    Report.say("| seconds after ready | GET by id req/s | p99 ms | CPU ms/req |\n|---|---:|---:|---:|");
    double since = 0;
    for (int t = 0; t < CURVE_SECONDS; t += CURVE_WINDOW) {
      Result r = wrk(service.url(), 32, CURVE_WINDOW, List.of(service.pid), "get-by-id.lua", args(ids.toString(), token));
      Report.say("| %.0f-%.0f | %.0f | %.1f | %.2f |", since, since + r.seconds, r.rps(), r.p99, r.cpuMs(0));
      since += r.seconds;
      curve.add(r);
    }
    if (SETTLE > 0) {
      wrk(service.url(), 32, SETTLE, List.of(), "get-by-id.lua", args(ids.toString(), token));
    }
    return curve;
  }

  /** GET by id and POST at 32 and 128 connections, each the median of ROUNDS windows. */
  static Map<String, Result> table(String url, List<Long> pids, Path ids, String token) throws Exception {
    Map<String, Result> table = new HashMap<>();
    for (String workload : List.of("GET by id", "POST")) {
      String script = workload.equals("POST") ? "post.lua" : "get-by-id.lua";
      List<String> scriptArgs = workload.equals("POST") ? args(token) : args(ids.toString(), token);
      if (workload.equals("POST")) {
        wrk(url, 32, WINDOW, List.of(), script, scriptArgs); // the first POSTs warm their own path
      }
      for (int connections : CONNECTIONS) {
        table.put(workload + " " + connections, median(url, connections, pids, script, scriptArgs));
      }
    }
    return table;
  }

  /** The window with the median rate of ROUNDS windows. */
  static Result median(String url, int connections, List<Long> pids, String script, List<String> scriptArgs) throws Exception {
    List<Result> rounds = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      rounds.add(wrk(url, connections, WINDOW, pids, script, scriptArgs));
    }
    rounds.sort(Comparator.comparingDouble(Result::rps));
    return rounds.get(rounds.size() / 2);
  }
}
