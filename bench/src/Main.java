package bench;

import static bench.Report.say;
import static bench.Settings.ENV;
import static bench.Settings.EXCHANGE;
import static bench.Settings.LAUNCH_SECONDS;
import static bench.Settings.OUT;
import static bench.Settings.REPO;
import static bench.Settings.SERVICE_PORT;

import bench.Load.Launch;
import bench.Load.Launches;
import bench.Load.Measured;
import bench.Load.Result;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issues 14 and 19, in the order it runs: builds the service, starts a shared
 * in-memory datastore, trains the AOT cache (JDK 25), starts the service fresh under load from its
 * launch, starts it fresh again and records its warm-up after readiness, measures it settled
 * beside the original service (which also starts under load), restarts it with bearer
 * authentication on and compares it in turn with a server without (Authentication), and gives the
 * verdicts; with EXCHANGE=1 (or only), then exports and imports a hundred thousand contacts
 * (Exchange). See bench/README.md; bench/Benchmark.java compiles and starts it.
 */
public final class Main {

  static final Map<String, String> NONE = Map.of("CONTACTS_AUTH_MODE", "none");

  private Main() {}

  public static void main(String[] args) throws Exception {
    boolean brownout = List.of(args).equals(List.of("brownout"));
    if (args.length > 0 && !brownout) {
      System.out.println("usage: [ORIGINAL=<checkout>] java bench/Benchmark.java [brownout]  (settings: see bench/README.md)");
      return;
    }
    Files.createDirectories(OUT);
    Runtime.getRuntime().addShutdownHook(new Thread(Main::cleanUp));
    Report.open(OUT.resolve("report.md"));
    long started = System.nanoTime();
    if (brownout) {
      if (!Settings.off("BUILD")) {
        Setup.build();
      }
      Brownout.run();
      say("\nBrownout took %.1f min; everything it wrote is in %s", (System.nanoTime() - started) / 6e10, REPO.relativize(OUT));
      return;
    }
    Optional<Path> original = Optional.ofNullable(ENV.get("ORIGINAL")).filter(s -> !s.isBlank()).map(Path::of);
    Setup.prerequisites(original.isPresent());
    if (!Settings.off("BUILD")) {
      Setup.build();
    }
    Report.header();
    Datastore datastore = Datastore.start(true);
    try {
      if (!EXCHANGE.equals("only")) {
        measureAll(datastore, original);
      }
      if (!EXCHANGE.equals("0")) {
        Exchange.measure();
      }
    } finally {
      datastore.stop();
    }
    say("\nBenchmark took %.1f min; everything it wrote is in %s", (System.nanoTime() - started) / 6e10, REPO.relativize(OUT));
  }

  /** Everything but the export and import: the steps of bench/README.md, up to the verdicts. */
  static void measureAll(Datastore datastore, Optional<Path> original) throws Exception {
    AotCache.train(datastore.ids());
    Measured plain = measureService(datastore.ids(), launchUnderLoad(datastore.ids()));
    Optional<Measured> originals = Optional.empty();
    try {
      if (original.isPresent()) {
        say("");
        MachineGauge.read("before the original");
      }
      originals = original.map(checkout -> Original.measure(checkout, datastore.ids()));
      if (original.isPresent()) {
        say("");
        MachineGauge.read("after the original");
      }
      originals.ifPresent(o -> launched("The original service", o.launch()));
    } catch (RuntimeException e) {
      say("\nOriginal service: not measured, %s", e.getMessage());
    }
    if (original.isEmpty()) {
      say("\nOriginal service: skipped (set ORIGINAL=<checkout of stevetarver/ember-falcon-mongo> to run it)");
    }
    Verdicts.sideBySide(plain.table(), originals.map(Measured::table).orElse(Map.of()), datastore.ceiling());
    Authentication.Measured jwt = Settings.off("AUTH") ? Authentication.Measured.NOT : Authentication.measure(datastore.ids());
    Verdicts.targets(plain, originals, jwt, datastore.ceiling());
  }

  /**
   * The service under GET by id at 32 connections from its launch, as a pod that the autoscaler adds
   * for a burst meets it, then stopped: first a fresh start, without a workarea; then a start as a
   * new pod makes it from the image, whose build started and stopped the server once and kept its
   * workarea and resources (Open Liberty's configure.sh, through populate_scc.sh): here the
   * workarea and resources of the fresh start, and no JIT state. Neither when LAUNCH_SECONDS=0.
   */
  static Launches launchUnderLoad(Path ids) throws Exception {
    if (LAUNCH_SECONDS <= 0) {
      return new Launches(null, null);
    }
    Service.layOutFresh();
    Launch fresh = launchOnce(ids);
    launched("This service, a fresh start (no workarea, CONTACTS_AUTH_MODE=none)", fresh);
    Launch fromImage = launchOnce(ids);
    launched("This service, started as the image starts a new pod (the workarea and resources of one earlier start,"
        + " CONTACTS_AUTH_MODE=none)", fromImage);
    return new Launches(fresh, fromImage);
  }

  private static Launch launchOnce(Path ids) throws Exception {
    AtomicReference<Service> started = new AtomicReference<>();
    try (ThreadCpu cpu = ThreadCpu.follow(Service.NAME)) {
      Launch launch = Load.fromLaunch(SERVICE_PORT, ids, () -> {
        started.set(Service.restart(NONE));
        return started.get().readySeconds;
      });
      // Read as the load ends, before the request for the refusal counters adds to it.
      String used = cpu.used();
      return launch.withServiceSaid(refusalsSaid(started.get()), used);
    } finally {
      if (started.get() != null) {
        started.get().stop();
      }
    }
  }

  private static final Pattern REFUSAL_COUNTER = Pattern.compile(
      "(?m)^contacts_(admission_refused|datastore_unavailable)_total\\{(?:kind=\"(\\w+)\")?[^}]*}\\s+([0-9.E+]+)$");
  private static final Pattern PRIMING_REQUESTS = Pattern.compile("\"requests\"\\s*:\\s*(\\d+)");
  private static final Pattern PRIMING_MILLIS = Pattern.compile("\"durationMillis\"\\s*:\\s*(\\d+)");
  private static final Pattern PRIMING_STOPPED = Pattern.compile("\"stopped\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * The service's own account of its 503s, by the kind its refusal counters name, and of how its
   * priming ended, from its readiness check: which refusal a non-2xx answer under load from launch
   * was, and whether priming rode it out.
   */
  private static String refusalsSaid(Service service) {
    StringBuilder said = new StringBuilder();
    try {
      HttpResponse<String> metrics = Shell.HTTP.send(
          HttpRequest.newBuilder(URI.create(service.url() + "/metrics?scope=application"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher counter = REFUSAL_COUNTER.matcher(metrics.body());
      long admission = 0;
      StringBuilder gate = new StringBuilder();
      while (counter.find()) {
        long count = (long) Double.parseDouble(counter.group(3));
        if (counter.group(2) == null) {
          admission += count;
        } else {
          gate.append(gate.length() == 0 ? "" : ", ").append(counter.group(2)).append(' ').append(count);
        }
      }
      said.append(String.format("the admission line refused %,d; the datastore gate %s", admission, gate));
    } catch (Exception e) {
      said.append("the refusal counters could not be read (").append(e.getMessage()).append(')');
    }
    try {
      // The readiness check's own account: the log's line may have rotated away under the load.
      String health = Shell.HTTP.send(
          HttpRequest.newBuilder(URI.create(service.url() + "/health/ready"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher requests = PRIMING_REQUESTS.matcher(health);
      Matcher millis = PRIMING_MILLIS.matcher(health);
      Matcher stopped = PRIMING_STOPPED.matcher(health);
      said.append(requests.find() && millis.find() && stopped.find()
          ? String.format(". Priming made %,d requests in %.1f s: %s", Long.parseLong(requests.group(1)),
              Long.parseLong(millis.group(1)) / 1000.0, stopped.group(1).replace("\\\"", "\""))
          : ". Priming: its readiness check says nothing of it yet");
    } catch (Exception e) {
      said.append(". Priming: readiness could not be read (").append(e.getMessage()).append(')');
    }
    return said.toString();
  }

  static void launched(String who, Launch launch) {
    if (launch == null) {
      return;
    }
    Result load = launch.load();
    say("\n## %s under load from launch\n", who);
    String port = launch.listening() < LAUNCH_SECONDS
        ? String.format("the port accepted connections %.1f s after launch (refused before: nothing served)", launch.listening())
        : String.format("the port accepted no connection within %d s of launch: nothing served", LAUNCH_SECONDS);
    say("GET by id at 32 connections from launch: %s, ready at %.1f s; %,d requests served (2xx) by %.1f s after launch,"
        + " %,d other answers, %,d socket errors.", port, launch.ready(), load.served(), launch.ended(), load.non2xx(), load.socketErrors());
    if (launch.refusals() != null) {
      say("The service's refusal counters then: %s", launch.refusals());
    }
    if (launch.cpu() != null) {
      say("\nIts JVM by then, by kind of thread: %s.", launch.cpu());
    }
  }

  static Measured measureService(Path ids, Launches launches) throws Exception {
    Service service = Service.fresh(NONE);
    try {
      say("\n## This service, fresh start (no workarea, CONTACTS_AUTH_MODE=none, %s)\n",
          Settings.PRIMING ? "CONTACTS_PRIMING_ENABLED=true" : "priming off: PRIMING=0");
      say("Ready %.1f s after launch%s, having used %.1f s of CPU.\n", service.readySeconds,
          Settings.PRIMING ? ", priming included" : "", service.cpuAtReady);
      List<Result> curve = Load.warmUpCurve(service, ids, null);
      Map<String, Result> table = Load.table(service.url(), List.of(service.pid), ids, null);
      long[] rss = Shell.rssMb(service.pid);
      say("\nResident set after the load: %d MB (peak %d MB)", rss[0], rss[1]);
      if (!Settings.off("PROFILE")) {
        try {
          Profiles.profile(service, "GET by id", "get-by-id.lua", ids.toString());
          Profiles.profile(service, "POST", "post.lua");
        } catch (Exception e) {
          say("\nProfile: not taken, %s", e);
        }
      }
      return new Measured(table, curve, rss[0], service.readySeconds, launches.fromImage(), launches.fresh());
    } finally {
      service.stop();
    }
  }

  /** Also on Ctrl+C: stops the services that still run, and ends every process the benchmark started. */
  static void cleanUp() {
    for (Service service : Service.RUNNING) {
      try {
        service.stop();
      } catch (Exception e) {
        Shell.log("could not stop " + service.name + ": " + e);
      }
    }
    Shell.STARTED.forEach(Process::destroy);
  }
}
