package bench;

import static bench.Settings.DATASTORE_PORT;
import static bench.Settings.ENV;
import static bench.Settings.OUT;
import static bench.Settings.SERVICE_PORT;
import static bench.Settings.WLP;
import static bench.Shell.check;

import it.org.contacts.support.ServerLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This service on Liberty: a copy of the development server that `liberty:create` made (the same
 * server.xml, jvm.options, server.env and application), named contacts-bench, on the benchmark's
 * port and datastore; for the authentication comparison, a second copy beside it on the next port.
 * The copies are laid out by the integration tests' ServerLayout.
 */
final class Service {

  static final String NAME = "contacts-bench";
  /** The second copy's name; its port is the next after SERVICE_PORT. */
  static final String BESIDE = NAME + "-beside";
  /** The service JVM's options: the user's JVM_ARGS and, once trained, the AOT cache. */
  static String jvmArgs = ENV.getOrDefault("JVM_ARGS", "").strip();
  /** The services that run now: Main.cleanUp stops them. */
  static final Set<Service> RUNNING = ConcurrentHashMap.newKeySet();

  final String name;
  final int port;
  final Process launcher;
  final long pid;
  final double readySeconds;
  final double cpuAtReady;

  private Service(String name, int port, Process launcher, long pid, double readySeconds) {
    this.name = name;
    this.port = port;
    this.launcher = launcher;
    this.pid = pid;
    this.readySeconds = readySeconds;
    this.cpuAtReady = Shell.cpuTicks(pid) / (double) Shell.TICKS_PER_SECOND;
  }

  /** A new server without a workarea, logs or resources, as a new instance starts: Liberty makes its keystore and LTPA keys. */
  static Service fresh(Map<String, String> env) throws IOException {
    layOutFresh();
    return restart(env);
  }

  /** The second copy, fresh, on the port after SERVICE_PORT, while the first may still run. */
  static Service freshBeside(Map<String, String> env) throws IOException {
    layOutFresh(BESIDE, SERVICE_PORT + 1);
    return launch(BESIDE, SERVICE_PORT + 1, env);
  }

  /** The server's directory as a new instance finds it; {@link #restart} then launches it. */
  static void layOutFresh() throws IOException {
    layOutFresh(NAME, SERVICE_PORT);
  }

  private static void layOutFresh(String name, int port) throws IOException {
    check(Files.exists(ServerLayout.directory(WLP, "contacts").resolve("server.xml")),
        "no development server in " + ServerLayout.directory(WLP, "contacts") + ": run without BUILD=0");
    ServerLayout.copied(WLP, "contacts", name)
        .httpPort(port)
        // The benchmark chooses the AOT cache itself: not the one the development server may read.
        .withoutLines("jvm.options", "-XX:AOTCache")
        // server.env's values win over the process's environment: the benchmark chooses the
        // authentication mode and priming.
        .withoutLines("server.env", "CONTACTS_AUTH_MODE=")
        .withoutLines("server.env", "CONTACTS_PRIMING_ENABLED=");
  }

  /**
   * Starts the server as it is (a restart keeps its workarea) and waits until it is ready: priming,
   * when on, is part of that time.
   */
  static Service restart(Map<String, String> env) throws IOException {
    return launch(NAME, SERVICE_PORT, env);
  }

  private static Service launch(String name, int port, Map<String, String> env) throws IOException {
    check(Shell.portFree(port), "port " + port + " is taken: set SERVICE_PORT");
    ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", name)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("service.log").toFile()));
    builder.environment().put("MONGO_URI", "mongodb://127.0.0.1:" + DATASTORE_PORT);
    builder.environment().put("JVM_ARGS", jvmArgs);
    // Every start primes its hot paths before readiness, as the image and the manifests do,
    // unless PRIMING=0; a build without priming ignores the setting.
    builder.environment().put("CONTACTS_PRIMING_ENABLED", Boolean.toString(Settings.PRIMING));
    // The caller's settings win: the brownout's datastore is behind a proxy, and it does not prime.
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process launcher = builder.start();
    Shell.STARTED.add(launcher);
    Shell.waitReady(launcher, "http://127.0.0.1:" + port + "/health/ready", 300);
    double seconds = (System.nanoTime() - started) / 1e9;
    long pid = Shell.tree(launcher).filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst().orElseThrow().pid();
    Service service = new Service(name, port, launcher, pid, seconds);
    RUNNING.add(service);
    return service;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void stop() throws Exception {
    RUNNING.remove(this);
    // Without JVM_ARGS: the stop command's own JVM must not write or read the service's AOT cache.
    // The launcher ends when the server's JVM has, after writing the cache when it trains one.
    ProcessBuilder stop = new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", name)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("service.log").toFile()));
    stop.environment().remove("JVM_ARGS");
    stop.start().waitFor(120, TimeUnit.SECONDS);
    if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      launcher.destroy();
    }
  }
}
