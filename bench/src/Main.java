package bench;

import static bench.Report.say;
import static bench.Settings.ENV;
import static bench.Settings.OUT;
import static bench.Settings.REPO;
import static bench.Shell.status;

import bench.Load.Measured;
import bench.Load.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.MintToken;

/**
 * The benchmark of issue 14, in the order it runs: builds the service, starts a shared in-memory
 * datastore, starts the service fresh and records its warm-up, measures it settled beside the
 * original service, restarts it with bearer authentication on, and gives the verdicts. See
 * bench/README.md; bench/Benchmark.java compiles and starts it.
 */
public final class Main {

  static final String ISSUER = "https://bench.contacts.example";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      System.out.println("usage: [ORIGINAL=<checkout>] java bench/Benchmark.java  (settings: see bench/README.md)");
      return;
    }
    Files.createDirectories(OUT);
    Runtime.getRuntime().addShutdownHook(new Thread(Main::cleanUp));
    Report.open(OUT.resolve("report.md"));
    long started = System.nanoTime();
    Optional<Path> original = Optional.ofNullable(ENV.get("ORIGINAL")).filter(s -> !s.isBlank()).map(Path::of);
    Setup.prerequisites(original.isPresent());
    if (!Settings.off("BUILD")) {
      Setup.build();
    }
    Report.header();
    Datastore datastore = Datastore.start();
    try {
      AotCache.train(datastore.ids());
      Measured plain = measureService(datastore.ids());
      Map<String, Result> originals = Map.of();
      try {
        originals = original.map(checkout -> Original.measure(checkout, datastore.ids())).orElse(Map.of());
      } catch (RuntimeException e) {
        say("\nOriginal service: not measured, %s", e.getMessage());
      }
      if (original.isEmpty()) {
        say("\nOriginal service: skipped (set ORIGINAL=<checkout of stevetarver/ember-falcon-mongo> to run it)");
      }
      Verdicts.sideBySide(plain.table(), originals, datastore.ceiling());
      Authenticated jwt = Settings.off("AUTH") ? new Authenticated(0, Optional.empty()) : measureAuth(datastore.ids());
      Verdicts.targets(plain, originals, jwt.settled(), jwt.restartReady());
    } finally {
      datastore.stop();
    }
    say("\nBenchmark took %.1f min; everything it wrote is in %s", (System.nanoTime() - started) / 6e10, REPO.relativize(OUT));
  }

  static Measured measureService(Path ids) throws Exception {
    Service service = Service.fresh(Map.of("CONTACTS_AUTH_MODE", "none"));
    try {
      say("\n## This service, fresh start (no workarea, CONTACTS_AUTH_MODE=none)\n");
      say("Ready %.1f s after launch, having used %.1f s of CPU.\n", service.readySeconds, service.cpuAtReady);
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
      return new Measured(table, curve, rss[0]);
    } finally {
      service.stop();
    }
  }

  /** The restart in jwt mode: its time to ready, and GET by id at 32 connections if it was measured. */
  record Authenticated(double restartReady, Optional<Result> settled) {}

  /**
   * A restart in jwt mode with a key pair made here and a token signed by the project's token tool
   * (both scopes, audience contacts, two hours).
   */
  static Authenticated measureAuth(Path ids) throws Exception {
    KeyPair keys = MintToken.keyPair();
    String token = MintToken.sign(keys.getPrivate(),
        MintToken.claims(ISSUER, "bench", "contacts", 120, List.of("contacts:read", "contacts:write")));
    Service service = Service.restart(Map.of("CONTACTS_AUTH_MODE", "jwt",
        "MP_JWT_VERIFY_PUBLICKEY", MintToken.publicKeyPem(keys.getPublic()), "MP_JWT_VERIFY_ISSUER", ISSUER));
    try {
      say("\n## This service, restarted with CONTACTS_AUTH_MODE=jwt\n");
      say("Ready %.1f s after launch (a restart: workarea and feature cache kept), having used %.1f s of CPU.\n",
          service.readySeconds, service.cpuAtReady);
      String contact = service.url() + "/contacts/" + Files.readAllLines(ids).get(0);
      int without = status(contact, null);
      int with = status(contact, token);
      if (without == 200) {
        say("Auth mode not supported by this build: a GET without a token answered 200.");
        return new Authenticated(service.readySeconds, Optional.empty());
      }
      if (with != 200) {
        say("The service refused the benchmark's token (%d; without a token %d): not measured.", with, without);
        return new Authenticated(service.readySeconds, Optional.empty());
      }
      say("A GET without a token answers %d, with the benchmark's RS256 token 200. The same schedule as the first start, every request with the token:\n", without);
      Load.warmUpCurve(service, ids, token);
      Result settled = Load.median(service.url(), 32, List.of(service.pid), "get-by-id.lua", List.of(ids.toString(), token));
      if (!Settings.off("PROFILE")) {
        Profiles.profile(service, "GET by id with a token", "get-by-id.lua", ids.toString(), token);
      }
      return new Authenticated(service.readySeconds, Optional.of(settled));
    } finally {
      service.stop();
    }
  }

  /** Also on Ctrl+C: stops the service if it still runs, and ends every process the benchmark started. */
  static void cleanUp() {
    try {
      if (Service.running != null) {
        Service.running.stop();
      }
    } catch (Exception e) {
      Shell.log("could not stop the service: " + e);
    }
    Shell.STARTED.forEach(Process::destroy);
  }
}
