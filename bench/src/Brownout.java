package bench;

import static bench.Report.say;
import static bench.Settings.DATASTORE_PORT;
import static bench.Settings.OUT;
import static bench.Settings.number;

import bench.BrownoutClients.Call;
import bench.BrownoutClients.Probe;
import it.org.contacts.support.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 20's by-hand check (bench/README.md, "Brownout"): the development server on the shared
 * datastore with the integration tests' FaultProxy between them, under clients and a prober, while
 * the datastore is healthy, then answers every reply late, then is cut off with its connections
 * left hanging, then heals. It prints what each phase got, and the verdicts against the issue.
 */
final class Brownout {

  static final int CLIENTS = number("CLIENTS", 96);
  static final long DELAY_MS = number("DELAY_MS", 3000);
  static final long DEADLINE_MS = number("DEADLINE_MS", 2000);
  /** What the issue allows beyond the deadline, and what liveness may take, and recovery. */
  static final long MARGIN_MS = 1000;
  static final long LIVENESS_MS = 1000;
  static final long RECOVERY_MS = 15_000;

  /** One phase of the run: from..to in ms since the clients started. */
  record Phase(String name, long from, long to) {
    boolean holds(long at) {
      return at >= from && at < to;
    }
  }

  private Brownout() {}

  static void run() throws Exception {
    Report.machine("Brownout " + OUT.getFileName());
    say("- %d clients (GET /contacts/{id} and POST /contacts in turn, HTTP/%s), a prober reading %s every 500 ms;"
        + " the deadline (MONGO_TIMEOUT_MS) %d ms, the bulkhead and everything else at the development server's defaults",
        CLIENTS, "1".equals(Settings.ENV.get("H2C")) ? "1.1 with an h2c upgrade" : "1.1", BrownoutClients.PROBED, DEADLINE_MS);
    Datastore datastore = Datastore.start(false);
    try (FaultProxy proxy = FaultProxy.start("127.0.0.1", DATASTORE_PORT, Duration.ofMinutes(15))) {
      Service.jvmArgs = (Service.jvmArgs + " -Xlog:gc:file=" + OUT.resolve("gc.log") + ":uptime").strip();
      Service service = Service.fresh(Map.of("CONTACTS_AUTH_MODE", "none", "CONTACTS_PRIMING_ENABLED", "false",
          "MONGO_URI", "mongodb://127.0.0.1:" + proxy.port(), "MONGO_TIMEOUT_MS", Long.toString(DEADLINE_MS)));
      try {
        say("- The service was ready %.1f s after launch, on the datastore through the proxy on 127.0.0.1:%d\n",
            service.readySeconds, proxy.port());
        List<String> ids = Files.readAllLines(datastore.ids());
        drive(service, proxy, ids);
      } finally {
        service.stop();
      }
    } finally {
      datastore.stop();
    }
  }

  private static void drive(Service service, FaultProxy proxy, List<String> ids) throws Exception {
    List<Phase> phases = new ArrayList<>();
    List<Call> calls;
    List<Probe> probes;
    long startedAt = System.currentTimeMillis();
    try (BrownoutClients clients = BrownoutClients.start(service.url(), CLIENTS, ids)) {
      // A fresh JVM that has not primed meets its first requests slowly, datastore or not.
      long mark = phase(clients, phases, "warm-up (not judged)", 0, number("WARMUP_SECONDS", 20), null);
      mark = phase(clients, phases, "normal", mark, number("NORMAL_SECONDS", 10), null);
      proxy.delayReplies(Duration.ofMillis(DELAY_MS));
      mark = phase(clients, phases, "every reply " + DELAY_MS + " ms late", mark, number("SLOW_SECONDS", 30), service);
      proxy.partition();
      mark = phase(clients, phases, "partition", mark, number("PARTITION_SECONDS", 20), service);
      proxy.delayReplies(Duration.ZERO);
      proxy.heal();
      phase(clients, phases, "healed", mark, number("HEALED_SECONDS", 20), null);
      clients.close();
      calls = clients.calls();
      probes = clients.probes();
    }
    BrownoutReport report = new BrownoutReport(phases, calls, probes,
        JvmSignals.gcPauses(OUT.resolve("gc.log"), service.pid, startedAt));
    report.table();
    report.verdicts(BrownoutClients.missing(service.url(), calls));
  }

  /**
   * Lets the clients run through one phase; halfway through, a thread dump of the service (when
   * given and THREAD_DUMPS=1: a dump stops the JVM for a moment, which a busy machine makes long).
   * Returns the end of the phase, as measured.
   */
  private static long phase(BrownoutClients clients, List<Phase> phases, String name, long from, int seconds, Service dumped)
      throws Exception {
    Shell.log("phase: " + name + " for " + seconds + " s");
    if (dumped != null && "1".equals(Settings.ENV.get("THREAD_DUMPS"))) {
      sleepUntil(clients, from + seconds * 500L);
      threadDump(dumped, name);
    }
    sleepUntil(clients, from + seconds * 1000L);
    long to = clients.now();
    phases.add(new Phase(name, from, to));
    return to;
  }

  private static void sleepUntil(BrownoutClients clients, long at) {
    Shell.sleep(Math.max(0, at - clients.now()));
  }

  /** jcmd Thread.print into the run's directory, and the state of the request threads in a line. */
  private static void threadDump(Service service, String phase) throws Exception {
    String dump = Shell.output(List.of(Shell.jdkTool(service.pid, "jcmd").toString(), Long.toString(service.pid), "Thread.print"));
    Path file = OUT.resolve("threads-" + phase.replaceAll("\\W+", "-") + ".txt");
    Files.writeString(file, dump);
    say("- Thread dump halfway through \"%s\" (%s): %s", phase, file.getFileName(), JvmSignals.requestThreads(dump));
  }
}
