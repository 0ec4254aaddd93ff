import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole benchmark of issue 14 in one program: builds the service, starts a shared in-memory
 * datastore, starts the service fresh and records its warm-up, measures it settled beside the
 * original service, restarts it with bearer authentication on, and prints every figure. See
 * bench/README.md.
 *
 * <p>Usage, from the repository root: {@code [ORIGINAL=<checkout>] java bench/Benchmark.java}
 */
public class Benchmark {

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
  static final List<Integer> CONNECTIONS = List.of(32, 128);
  static final String ISSUER = "https://bench.contacts.example";
  static final Path REPO = Path.of("").toAbsolutePath();
  static final Path WLP = REPO.resolve("target/liberty/wlp");
  static final Path OUT = REPO.resolve("target/bench/" + Instant.now().toString().replaceAll("[-:]|\\..*", ""));
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux
  static PrintStream report;
  static Path ids;
  static double restartReady;
  static String datastoreCeiling;
  /** Each profile's share of CPU samples with authentication on the stack, by workload. */
  static final Map<String, Double> authenticationShare = new HashMap<>();
  static Service running;
  /** The service JVM's options: the user's JVM_ARGS and, once trained, the AOT cache. */
  static String jvmArgs = ENV.getOrDefault("JVM_ARGS", "").strip();
  static final List<Process> STARTED = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      System.out.println("usage: [ORIGINAL=<checkout>] java bench/Benchmark.java  (settings: see bench/README.md)");
      return;
    }
    if (!Files.exists(REPO.resolve("bench/Benchmark.java"))) {
      throw new IllegalStateException("run from the repository root: java bench/Benchmark.java");
    }
    Files.createDirectories(OUT);
    Runtime.getRuntime().addShutdownHook(new Thread(Benchmark::cleanUp));
    report = new PrintStream(new Tee(Files.newOutputStream(OUT.resolve("report.md"))), true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Optional<Path> original = Optional.ofNullable(ENV.get("ORIGINAL")).filter(s -> !s.isBlank()).map(Path::of);
    prerequisites(original.isPresent());
    if (!"0".equals(ENV.get("BUILD"))) {
      build();
    }
    describeMachine();
    Process datastore = startDatastore();
    try {
      trainAotCache();
      Measured plain = measureService();
      Map<String, Result> originals = Map.of();
      try {
        originals = original.map(Benchmark::measureOriginal).orElse(Map.of());
      } catch (RuntimeException e) {
        say("\nOriginal service: not measured, %s", e.getMessage());
      }
      if (original.isEmpty()) {
        say("\nOriginal service: skipped (set ORIGINAL=<checkout of stevetarver/ember-falcon-mongo> to run it)");
      }
      sideBySide(plain.table, originals);
      Optional<Result> jwt = "0".equals(ENV.get("AUTH")) ? Optional.empty() : measureAuth();
      summary(plain, originals, jwt);
    } finally {
      datastore.getOutputStream().close();
      datastore.waitFor(10, TimeUnit.SECONDS);
      datastore.destroy();
    }
    say("\nBenchmark took %.1f min; everything it wrote is in %s", (System.nanoTime() - started) / 6e10, REPO.relativize(OUT));
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up

  static void prerequisites(boolean original) throws Exception {
    List<String> missing = new ArrayList<>();
    if (!onPath("wrk")) missing.add("wrk");
    if (original && (!onPath("gunicorn") || run(List.of("/usr/bin/python3", "-c", "import falcon, pymongo, structlog"), null) != 0)) {
      missing.addAll(List.of("gunicorn", "python3-falcon", "python3-pymongo", "python3-structlog"));
    }
    if (!missing.isEmpty()) {
      log("installing " + missing + " with apt-get");
      List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
      install.addAll(missing);
      if (run(install, OUT.resolve("apt.log")) != 0) {
        run(List.of("apt-get", "update", "-q"), OUT.resolve("apt.log"));
        check(run(install, OUT.resolve("apt.log")) == 0, "apt-get install failed; see " + OUT.resolve("apt.log"));
      }
    }
  }

  /** The README's build, the Liberty server it runs, and the datastore's classpath, in one Maven run. */
  static void build() throws Exception {
    String pom = Files.readString(REPO.resolve("pom.xml"));
    Matcher version = Pattern.compile("<mongo-java-server.version>([^<]+)<").matcher(pom);
    check(version.find(), "no mongo-java-server.version in pom.xml");
    log("building: mvn -DskipTests package liberty:create liberty:install-feature liberty:deploy, and the datastore's classpath");
    int status = run(List.of("mvn", "-B", "-ntp", "-q", "-DskipTests", "package",
        "liberty:create", "liberty:install-feature", "liberty:deploy",
        "dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=target/bench/classpath.txt",
        "dependency:copy", "-Dartifact=de.bwaldvogel:mongo-java-server-memory-backend:" + version.group(1),
        "-DoutputDirectory=target/bench/lib"), OUT.resolve("build.log"));
    check(status == 0, "the build failed; see " + OUT.resolve("build.log"));
  }

  static void describeMachine() throws Exception {
    say("# Benchmark %s", OUT.getFileName());
    say("- Machine: %d CPUs, %s; load average %s (1, 5, 15 min)", Runtime.getRuntime().availableProcessors(),
        first(Files.readAllLines(Path.of("/proc/cpuinfo")), "model name").replaceAll(".*:\\s*", ""),
        String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)));
    say("- Commit: %s; service JDK: %s; JVM_ARGS: %s", output(List.of("git", "rev-parse", "--short", "HEAD")).strip(),
        Optional.ofNullable(ENV.get("JAVA_HOME")).orElse("java on PATH"), ENV.getOrDefault("JVM_ARGS", "none"));
    say("- Windows: warm-up curve %d s in %d s windows, then %d s of settling; each figure the median of %d windows of %d s; wrk -t2, 127.0.0.1",
        CURVE_SECONDS, CURVE_WINDOW, SETTLE, ROUNDS, WINDOW);
  }

  static Process startDatastore() throws Exception {
    ids = OUT.resolve("ids.txt");
    String classpath = Files.readString(REPO.resolve("target/bench/classpath.txt")).strip();
    try (Stream<Path> jars = Files.list(REPO.resolve("target/bench/lib"))) {
      classpath += ":" + String.join(":", jars.map(Path::toString).toList());
    }
    Path log = OUT.resolve("datastore.log");
    // In memory: every contact the POST windows of both services add stays there, about a
    // million of them in a full run, which 512 MB did not hold.
    Process datastore = new ProcessBuilder("java", "-Xmx4g", "-cp", classpath, "bench/BenchDatastore.java",
        Integer.toString(DATASTORE_PORT), Integer.toString(CONTACTS), ids.toString())
        .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    STARTED.add(datastore);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log).contains("READY")) {
      check(datastore.isAlive() && System.nanoTime() < deadline, "the datastore did not start; see " + log);
      sleep(100);
    }
    log("datastore: " + first(Files.readAllLines(log), "READY"));
    datastoreCeiling = first(Files.readAllLines(log), "CEILING");
    return datastore;
  }

  // ---------------------------------------------------------------------------------------------
  // The service

  /**
   * On JDK 25 and later (unless AOT=0), a training start before the measured ones: the JVM records
   * the classes it loads and links and the profiles of the methods it runs under the benchmark's
   * own load, and writes them to an ahead-of-time cache when the server stops (JEP 483, 514, 515).
   * Every later start of the service reads the cache.
   */
  static void trainAotCache() throws Exception {
    int feature = serviceJdkFeature();
    if ("0".equals(ENV.get("AOT")) || feature < 25) {
      say("- AOT cache: not used (%s)", feature < 25 ? "the service's JDK is " + feature + "; the cache needs 25 or later" : "AOT=0");
      return;
    }
    Path cache = OUT.resolve("contacts.aot");
    String userArgs = jvmArgs;
    jvmArgs = (userArgs + " -XX:AOTCacheOutput=" + cache).strip();
    long started = System.nanoTime();
    Service service = Service.fresh(Map.of("CONTACTS_AUTH_MODE", "none"));
    try {
      wrk(service.url(), 32, TRAINING_SECONDS, List.of(), "get-by-id.lua", List.of(ids.toString()));
      wrk(service.url(), 32, TRAINING_SECONDS / 2, List.of(), "post.lua", List.of());
    } finally {
      service.stop();
    }
    check(Files.exists(cache), "the training start wrote no AOT cache; see " + OUT.resolve("service.log"));
    jvmArgs = (userArgs + " -XX:AOTCache=" + cache).strip();
    say("- AOT cache: trained by a start with %d s of GET by id and %d s of POST at 32 connections (%.0f s in all), %d MB; every start below reads it",
        TRAINING_SECONDS, TRAINING_SECONDS / 2, (System.nanoTime() - started) / 1e9, Files.size(cache) >> 20);
  }

  /** The feature release of the JDK Liberty runs the service on: JAVA_HOME's, or the java on PATH. */
  static int serviceJdkFeature() throws Exception {
    String java = Optional.ofNullable(ENV.get("JAVA_HOME")).map(home -> home + "/bin/java").orElse("java");
    Matcher version = Pattern.compile("version \"(\\d+)").matcher(output(List.of(java, "-version")));
    check(version.find(), "could not tell the version of " + java);
    return Integer.parseInt(version.group(1));
  }

  record Measured(Map<String, Result> table, List<Result> curve, long rssMb) {}

  static Measured measureService() throws Exception {
    Service service = Service.fresh(Map.of("CONTACTS_AUTH_MODE", "none"));
    try {
      say("\n## This service, fresh start (no workarea, CONTACTS_AUTH_MODE=none)\n");
      say("Ready %.1f s after launch, having used %.1f s of CPU.\n", service.readySeconds, service.cpuAtReady);
      List<Result> curve = warmUpCurve(service, null);
      Map<String, Result> table = table(service.url(), List.of(service.pid), null);
      long[] rss = rssMb(service.pid);
      say("\nResident set after the load: %d MB (peak %d MB)", rss[0], rss[1]);
      if (!"0".equals(ENV.get("PROFILE"))) {
        try {
          profile(service, "GET by id", "get-by-id.lua", ids.toString());
          profile(service, "POST", "post.lua");
        } catch (Exception e) {
          say("\nProfile: not taken, %s", e);
        }
      }
      return new Measured(table, curve, rss[0]);
    } finally {
      service.stop();
    }
  }

  static List<Result> warmUpCurve(Service service, String token) throws Exception {
    List<Result> curve = new ArrayList<>();
    say("| seconds after ready | GET by id req/s | p99 ms | CPU ms/req |\n|---|---:|---:|---:|");
    double since = 0;
    for (int t = 0; t < CURVE_SECONDS; t += CURVE_WINDOW) {
      Result r = wrk(service.url(), 32, CURVE_WINDOW, List.of(service.pid), "get-by-id.lua", args(ids.toString(), token));
      say("| %.0f-%.0f | %.0f | %.1f | %.2f |", since, since + r.seconds, r.rps(), r.p99, r.cpuMs(0));
      since += r.seconds;
      curve.add(r);
    }
    if (SETTLE > 0) {
      wrk(service.url(), 32, SETTLE, List.of(), "get-by-id.lua", args(ids.toString(), token));
    }
    return curve;
  }

  /** GET by id and POST at 32 and 128 connections, each the median of ROUNDS windows. */
  static Map<String, Result> table(String url, List<Long> pids, String token) throws Exception {
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

  static void profile(Service service, String workload, String script, String... scriptArgs) throws Exception {
    Path jfr = OUT.resolve(workload.replaceAll("\\W+", "-").toLowerCase() + ".jfr");
    Path jdk = Path.of(ProcessHandle.of(service.pid).flatMap(p -> p.info().command()).orElseThrow()).getParent();
    run(List.of(jdk.resolve("jcmd").toString(), Long.toString(service.pid), "JFR.start", "name=bench", "settings=profile",
        "filename=" + jfr), OUT.resolve("jcmd.log"));
    wrk(service.url(), 128, WINDOW, List.of(), script, List.of(scriptArgs));
    run(List.of(jdk.resolve("jcmd").toString(), Long.toString(service.pid), "JFR.stop", "name=bench"), OUT.resolve("jcmd.log"));
    say("\n### Where the CPU goes: %s, 128 connections, JFR over %d s\n", workload, WINDOW);
    String summed = output(List.of(jdk.resolve("java").toString(), "bench/JfrTopFrames.java", jfr.toString(), "8"));
    say("```\n%s```", summed);
    Matcher share = Pattern.compile("authentication on the stack: ([\\d.]+)%").matcher(summed);
    if (share.find()) {
      authenticationShare.put(workload, Double.parseDouble(share.group(1)));
    }
  }

  static Optional<Result> measureAuth() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    String token = token(keys);
    Service service = Service.restart(Map.of("CONTACTS_AUTH_MODE", "jwt", "MP_JWT_VERIFY_PUBLICKEY", pem, "MP_JWT_VERIFY_ISSUER", ISSUER));
    try {
      say("\n## This service, restarted with CONTACTS_AUTH_MODE=jwt\n");
      say("Ready %.1f s after launch (a restart: workarea and feature cache kept), having used %.1f s of CPU.\n",
          service.readySeconds, service.cpuAtReady);
      restartReady = service.readySeconds;
      String contact = service.url() + "/contacts/" + Files.readAllLines(ids).get(0);
      int without = status(contact, null);
      int with = status(contact, token);
      if (without == 200) {
        say("Auth mode not supported by this build: a GET without a token answered 200.");
        return Optional.empty();
      }
      if (with != 200) {
        say("The service refused the benchmark's token (%d; without a token %d): not measured.", with, without);
        return Optional.empty();
      }
      say("A GET without a token answers %d, with the benchmark's RS256 token 200. The same schedule as the first start, every request with the token:\n", without);
      warmUpCurve(service, token);
      Result settled = median(service.url(), 32, List.of(service.pid), "get-by-id.lua", List.of(ids.toString(), token));
      if (!"0".equals(ENV.get("PROFILE"))) {
        profile(service, "GET by id with a token", "get-by-id.lua", ids.toString(), token);
      }
      return Optional.of(settled);
    } finally {
      service.stop();
    }
  }

  /** An RS256 token that MicroProfile JWT accepts, with both of the service's scopes, valid for two hours. */
  static String token(KeyPair keys) throws Exception {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims = String.format("{\"iss\":\"%s\",\"sub\":\"bench\",\"upn\":\"bench\",\"aud\":\"contacts\",\"groups\":[\"contacts:read\",\"contacts:write\"],"
        + "\"scope\":\"contacts:read contacts:write\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}", ISSUER, now, now + 7200, UUID.randomUUID());
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String signed = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + base64.encodeToString(rsa.sign());
  }

  /** A copy of the development server that `liberty:create` made, on the benchmark's port and datastore. */
  static final class Service {
    static final Path DIR = WLP.resolve("usr/servers/contacts-bench");
    final Process launcher;
    final long pid;
    final double readySeconds;
    final double cpuAtReady;

    Service(Process launcher, long pid, double readySeconds) {
      this.launcher = launcher;
      this.pid = pid;
      this.readySeconds = readySeconds;
      this.cpuAtReady = cpuTicks(pid) / (double) TICKS_PER_SECOND;
    }

    static Service fresh(Map<String, String> env) throws IOException {
      Path dev = WLP.resolve("usr/servers/contacts");
      check(Files.exists(dev.resolve("server.xml")), "no development server in " + dev + ": run without BUILD=0");
      run(List.of("rm", "-rf", DIR.toString()), null);
      run(List.of("cp", "-r", dev.toString(), DIR.toString()), null);
      run(List.of("rm", "-rf", DIR.resolve("workarea").toString(), DIR.resolve("logs").toString(), DIR.resolve("data").toString(),
          DIR.resolve("resources").toString()), null);
      Files.writeString(DIR.resolve("bootstrap.properties"), "http.port=" + SERVICE_PORT + "\n");
      // The benchmark chooses the AOT cache itself: not the one the development server may read.
      Path jvmOptions = DIR.resolve("jvm.options");
      List<String> options = Files.readAllLines(jvmOptions);
      options.removeIf(line -> line.startsWith("-XX:AOTCache"));
      Files.write(jvmOptions, options);
      // server.env's values win over the process's environment: the benchmark chooses the mode.
      Path serverEnv = DIR.resolve("server.env");
      List<String> lines = Files.readAllLines(serverEnv);
      lines.removeIf(line -> line.startsWith("CONTACTS_AUTH_MODE="));
      Files.write(serverEnv, lines);
      return restart(env);
    }

    static Service restart(Map<String, String> env) throws IOException {
      check(portFree(SERVICE_PORT), "port " + SERVICE_PORT + " is taken: set SERVICE_PORT");
      ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", "contacts-bench")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("service.log").toFile()));
      builder.environment().putAll(env);
      builder.environment().put("MONGO_URI", "mongodb://127.0.0.1:" + DATASTORE_PORT);
      builder.environment().put("JVM_ARGS", jvmArgs);
      long started = System.nanoTime();
      Process launcher = builder.start();
      STARTED.add(launcher);
      waitReady(launcher, "http://127.0.0.1:" + SERVICE_PORT + "/health/ready", 300);
      double seconds = (System.nanoTime() - started) / 1e9;
      long pid = Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants())
          .filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst().orElseThrow().pid();
      running = new Service(launcher, pid, seconds);
      return running;
    }

    String url() {
      return "http://127.0.0.1:" + SERVICE_PORT;
    }

    void stop() throws Exception {
      running = null;
      // Without JVM_ARGS: the stop command's own JVM must not write or read the service's AOT cache.
      // The launcher ends when the server's JVM has, after writing the cache when it trains one.
      ProcessBuilder stop = new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", "contacts-bench")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("service.log").toFile()));
      stop.environment().remove("JVM_ARGS");
      stop.start().waitFor(120, TimeUnit.SECONDS);
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        launcher.destroy();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The original service

  static Map<String, Result> measureOriginal(Path checkout) {
    try {
      check(Files.exists(checkout.resolve("backend/app/app.py")), "ORIGINAL=" + checkout + " is not a checkout of ember-falcon-mongo");
      check(portFree(ORIGINAL_PORT), "port " + ORIGINAL_PORT + " is taken: set ORIGINAL_PORT");
      // As its Dockerfile's entrypoint runs it, on the benchmark's port and datastore.
      ProcessBuilder builder = new ProcessBuilder("gunicorn", "-b", "127.0.0.1:" + ORIGINAL_PORT, "--workers", "5",
          "--logger-class", "app.common.logging.GunicornLogger", "app.app:run()")
          .directory(checkout.resolve("backend").toFile()).redirectErrorStream(true)
          .redirectOutput(OUT.resolve("original.log").toFile());
      builder.environment().put("PYTHONPATH", ".");
      builder.environment().put("MONGO_URI", "mongodb://127.0.0.1:" + DATASTORE_PORT + "/");
      Process gunicorn = builder.start();
      STARTED.add(gunicorn);
      try {
        String url = "http://127.0.0.1:" + ORIGINAL_PORT;
        waitReady(gunicorn, url + "/readiness", 60);
        List<Long> pids = Stream.concat(Stream.of(gunicorn.toHandle()), gunicorn.descendants()).map(ProcessHandle::pid).toList();
        log("original: gunicorn, " + (pids.size() - 1) + " workers");
        wrk(url, 32, WINDOW, List.of(), "get-by-id.lua", List.of(ids.toString()));
        Map<String, Result> table = table(url, pids, null);
        say("\nOriginal service's resident set after the load: %d MB (gunicorn and its workers)",
            pids.stream().mapToLong(pid -> rssMb(pid)[0]).sum());
        return table;
      } finally {
        gunicorn.destroy();
        gunicorn.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the original service: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Load and its figures

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
  }

  static Result wrk(String url, int connections, int seconds, List<Long> pids, String script, List<String> scriptArgs) throws Exception {
    List<Long> watched = new ArrayList<>(pids);
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
        "-s", "bench/wrk/" + script, url, "--"));
    command.addAll(scriptArgs);
    long[] before = watched.stream().mapToLong(Benchmark::cpuTicks).toArray();
    String out = output(command);
    Matcher m = Pattern.compile("RESULT requests=(\\d+) seconds=([\\d.]+) p50_ms=[\\d.]+ p99_ms=([\\d.]+) max_ms=[\\d.]+ non2xx=(\\d+) socket_errors=(\\d+)").matcher(out);
    check(m.find(), "wrk printed no RESULT: " + out);
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < watched.size(); i++) {
      cpu.add((cpuTicks(watched.get(i)) - before[i]) / (double) TICKS_PER_SECOND);
    }
    Result r = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), cpu);
    if (r.non2xx > 0 || r.socketErrors > 0) {
      log(String.format("%s %s at %d connections: %d non-2xx, %d socket errors", url, script, connections, r.non2xx, r.socketErrors));
    }
    return r;
  }

  static void sideBySide(Map<String, Result> service, Map<String, Result> original) {
    say("\n## Settled, side by side on the same datastore (%d contacts)\n", CONTACTS);
    say("| workload | connections | this service req/s | p99 ms | CPU ms/req | original req/s | p99 ms | CPU ms/req | ratio | errors |");
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (String key : List.of("GET by id 32", "GET by id 128", "POST 32", "POST 128")) {
      Result s = service.get(key);
      Result o = original.get(key);
      String workload = key.substring(0, key.lastIndexOf(' '));
      String connections = key.substring(key.lastIndexOf(' ') + 1);
      say("| %s | %s | %.0f | %.1f | %.2f | %s | %s | %s | %s | %d/%d |", workload, connections, s.rps(), s.p99, s.cpuMs(0),
          o == null ? "-" : String.format("%.0f", o.rps()), o == null ? "-" : String.format("%.1f", o.p99),
          o == null ? "-" : String.format("%.2f", o.totalCpuMs()), o == null ? "-" : String.format("%.1fx", s.rps() / o.rps()),
          s.non2xx + s.socketErrors, o == null ? 0 : o.non2xx + o.socketErrors);
    }
    say("\nCPU ms/req: the service's JVM; for the original, gunicorn and its five workers together. errors: non-2xx and socket errors, this service/original.");
    Matcher ceiling = Pattern.compile("inserts_per_s=(\\d+) finds_per_s=(\\d+)").matcher(datastoreCeiling);
    if (ceiling.find()) {
      say("\nThe datastore alone, before either service started (32 threads of the driver in its own JVM, 5 s each): %s inserts/s, %s finds by id/s.",
          ceiling.group(1), ceiling.group(2));
    }
  }

  static void summary(Measured plain, Map<String, Result> original, Optional<Result> jwt) {
    say("\n## Against the targets of issue 14\n");
    Result get32 = plain.table.get("GET by id 32");
    jwt.ifPresent(j -> say("- Auth on/off, GET by id at 32 connections: %.0f vs %.0f req/s (%.2f), CPU %.2f vs %.2f ms/req (%.2f); target within 10%%",
        j.rps(), get32.rps(), j.rps() / get32.rps(), j.cpuMs(0), get32.cpuMs(0), j.cpuMs(0) / get32.cpuMs(0)));
    if (authenticationShare.containsKey("GET by id with a token") && authenticationShare.containsKey("GET by id")) {
      say("- Auth in the profiles, GET by id: %.1f%% of the CPU samples with authentication on the stack with a token, %.1f%% without",
          authenticationShare.get("GET by id with a token"), authenticationShare.get("GET by id"));
    }
    Result get128 = plain.table.get("GET by id 128");
    Result post128 = plain.table.get("POST 128");
    // wrk keeps every connection busy, so the mean latency is connections / rate (Little's law),
    // and a p99 is never below the mean: it says what rate a p99 target needs.
    say("- p99 at 128 connections: GET by id %.1f ms (target < 25; the mean at %.0f req/s is %.1f ms, and 25 ms needs %.0f req/s),"
        + " POST %.1f ms (target < 50; the mean at %.0f req/s is %.1f ms, and 50 ms needs %.0f req/s)",
        get128.p99, get128.rps(), 128_000 / get128.rps(), 128_000 / 25.0,
        post128.p99, post128.rps(), 128_000 / post128.rps(), 128_000 / 50.0);
    for (String key : List.of("GET by id 32", "GET by id 128", "POST 32", "POST 128")) {
      if (original.containsKey(key)) {
        say("- %s connections: %.1fx the original (target >= 4x)", key, plain.table.get(key).rps() / original.get(key).rps());
      }
    }
    say("- Resident set after the load: %d MB (target < 400)", plain.rssMb);
    double settled = get32.rps();
    double first10 = 0;
    double seconds = 0;
    String reached = "not within " + CURVE_SECONDS + " s";
    for (Result window : plain.curve) {
      if (seconds < 10) {
        first10 += window.requests;
      }
      seconds += window.seconds;
      if (window.rps() >= 0.9 * settled && reached.startsWith("not")) {
        reached = String.format("%.0f s after ready", seconds);
      }
    }
    say("- Warm-up: first 10 s after ready %.0f req/s, %.0f%% of the settled %.0f (target >= 50%%); 90%% of it reached %s (target <= 30 s)",
        first10 / Math.min(10, seconds), 100 * first10 / Math.min(10, seconds) / settled, settled, reached);
    say("- Ready on a restart: %s (target < 5 s)", restartReady > 0 ? String.format("%.1f s", restartReady) : "not measured (AUTH=0)");
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  /** Also on Ctrl+C: stops the service if it still runs, and ends every process the benchmark started. */
  static void cleanUp() {
    try {
      if (running != null) {
        running.stop();
      }
    } catch (Exception e) {
      log("could not stop the service: " + e);
    }
    STARTED.forEach(Process::destroy);
  }

  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    } catch (IOException e) {
      return 0; // the process has gone
    }
  }

  static long[] rssMb(long pid) {
    try {
      List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
      return new long[] {kb(first(status, "VmRSS:")) / 1024, kb(first(status, "VmHWM:")) / 1024};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long kb(String line) {
    return Long.parseLong(line.replaceAll("\\D", ""));
  }

  static String first(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }

  static void waitReady(Process process, String url, int timeoutSeconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (status(url, null) != 200) {
      check(process.isAlive(), "the process for " + url + " exited; see the logs in " + OUT);
      check(System.nanoTime() < deadline, url + " was not ready in " + timeoutSeconds + " s");
      sleep(100);
    }
  }

  static int status(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static boolean portFree(int port) {
    return status("http://127.0.0.1:" + port + "/", null) == 0;
  }

  static boolean onPath(String program) throws IOException {
    return run(List.of("sh", "-c", "command -v " + program), null) == 0;
  }

  static int run(List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
    builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return builder.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static String output(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  static List<String> args(String... values) {
    return Stream.of(values).filter(v -> v != null).toList();
  }

  static int number(String name, int fallback) {
    return Integer.parseInt(ENV.getOrDefault(name, Integer.toString(fallback)));
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void say(String format, Object... values) {
    report.println(values.length == 0 ? format : String.format(format, values));
  }

  static void log(String message) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
  }

  /** The report goes to the terminal and to report.md. */
  static final class Tee extends OutputStream {
    private final OutputStream file;

    Tee(OutputStream file) {
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      System.out.write(b);
      file.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      System.out.write(bytes, offset, length);
      file.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      System.out.flush();
      file.flush();
    }
  }
}
