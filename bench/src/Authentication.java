package bench;

import static bench.Report.say;
import static bench.Settings.CURVE_SECONDS;
import static bench.Settings.SETTLE;
import static bench.Settings.WINDOW;
import static bench.Shell.args;
import static bench.Shell.status;

import bench.Load.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.MintToken;

/**
 * What bearer authentication costs: a restart in jwt mode, measured as the first start was, then a
 * copy of the server in none mode beside it, and GET by id on each in turn. The first start's
 * settled windows ran minutes earlier, on a smaller datastore and maybe a faster stretch of the
 * machine; in the runs of one day that alone moved the ratio from 0.75x to 1.39x, so the verdict
 * reads the windows taken in turn.
 */
final class Authentication {

  static final String ISSUER = "https://bench.contacts.example";
  /** Pairs of windows taken in turn; an even number, so that each mode goes first as often. */
  static final int PAIRS = Settings.number("AUTH_PAIRS", 6);

  /** One window on each mode, back to back. */
  record Pair(Result none, Result jwt) {
    double cpuRatio() {
      return jwt.cpuMs(0) / none.cpuMs(0);
    }
  }

  /**
   * @param restartReady the jwt restart's launch to ready (0 if it did not start)
   * @param settled the jwt restart's settled GET by id at 32 connections, as the first start's
   * @param pairs the windows taken in turn; empty if jwt mode was not measured
   */
  record Measured(double restartReady, Optional<Result> settled, List<Pair> pairs) {
    static final Measured NOT = new Measured(0, Optional.empty(), List.of());

    /** The median of the pairs' ratios of CPU per request, jwt to none. */
    Optional<Double> cpuRatio() {
      List<Double> ratios = pairs.stream().map(Pair::cpuRatio).sorted().toList();
      int n = ratios.size();
      return n == 0 ? Optional.empty() : Optional.of((ratios.get((n - 1) / 2) + ratios.get(n / 2)) / 2);
    }
  }

  private Authentication() {}

  /**
   * A restart in jwt mode with a key pair made here and a token signed by the project's token tool
   * (both scopes, audience contacts, two hours).
   */
  static Measured measure(Path ids) throws Exception {
    KeyPair keys = MintToken.keyPair();
    String token = MintToken.sign(keys.getPrivate(),
        MintToken.claims(ISSUER, "bench", "contacts", 120, List.of("contacts:read", "contacts:write")));
    Service jwt = Service.restart(Map.of("CONTACTS_AUTH_MODE", "jwt",
        "MP_JWT_VERIFY_PUBLICKEY", MintToken.publicKeyPem(keys.getPublic()), "MP_JWT_VERIFY_ISSUER", ISSUER));
    try {
      say("\n## This service, restarted with CONTACTS_AUTH_MODE=jwt\n");
      say("Ready %.1f s after launch (a restart: workarea and feature cache kept), having used %.1f s of CPU.\n",
          jwt.readySeconds, jwt.cpuAtReady);
      String contact = jwt.url() + "/contacts/" + Files.readAllLines(ids).get(0);
      int without = status(contact, null);
      int with = status(contact, token);
      // 503 is "not now": by this restart the POST windows have grown the datastore to hundreds of
      // thousands of contacts, and the priming's sorted pages can keep it busy for a few seconds.
      // A client would retry after the answer's Retry-After; so does the benchmark, for up to 30 s.
      for (int retries = 0; with == 503 && retries < 6; retries++) {
        Shell.sleep(5_000);
        with = status(contact, token);
      }
      if (without == 200) {
        say("Auth mode not supported by this build: a GET without a token answered 200.");
        return new Measured(jwt.readySeconds, Optional.empty(), List.of());
      }
      if (with == 0) {
        say("The service did not answer a GET with the benchmark's token within 10 s: not measured.");
        return new Measured(jwt.readySeconds, Optional.empty(), List.of());
      }
      if (with != 200) {
        say("The service refused the benchmark's token (%d; without a token %d): not measured.", with, without);
        return new Measured(jwt.readySeconds, Optional.empty(), List.of());
      }
      say("A GET without a token answers %d, with the benchmark's RS256 token 200. The same schedule as the first start, every request with the token:\n", without);
      Load.warmUpCurve(jwt, ids, token);
      Result settled = Load.median(jwt.url(), 32, List.of(jwt.pid), "get-by-id.lua", args(ids.toString(), token));
      if (!Settings.off("PROFILE")) {
        Profiles.profile(jwt, "GET by id with a token", "get-by-id.lua", ids.toString(), token);
      }
      List<Pair> pairs = List.of();
      try {
        pairs = inTurn(jwt, token, ids);
      } catch (IOException | IllegalStateException e) {
        // The second server could not start or be measured: the rest of the run still stands.
        say("\nThe windows in turn: not measured, %s", e.getMessage());
      }
      return new Measured(jwt.readySeconds, Optional.of(settled), pairs);
    } finally {
      jwt.stop();
    }
  }

  /**
   * A fresh copy in none mode beside the jwt restart, given as much load before it is measured, then
   * PAIRS pairs of windows of GET by id at 32 connections, one on each, the first of a pair
   * alternating between the modes. The server not under load idles.
   */
  private static List<Pair> inTurn(Service jwt, String token, Path ids) throws Exception {
    Service none = Service.freshBeside(Main.NONE);
    try {
      say("\n## The same GET by id with and without a token, in turn\n");
      say("A copy of the server in none mode, started fresh beside the jwt restart on port %d: ready %.1f s after launch."
          + " It takes GET by id at 32 connections for %d s, as the restart did before its settled windows;"
          + " then %d pairs of %d s windows, one on each server, on the same datastore.\n", none.port, none.readySeconds,
          CURVE_SECONDS + SETTLE, PAIRS, WINDOW);
      Load.wrk(none.url(), 32, CURVE_SECONDS + SETTLE, List.of(), "get-by-id.lua", args(ids.toString()));
      say("| pair | none req/s | CPU ms/req | jwt req/s | CPU ms/req | jwt/none CPU |\n|---|---:|---:|---:|---:|---:|");
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; i < PAIRS; i++) {
        boolean noneFirst = i % 2 == 0;
        Result first = window(noneFirst ? none : jwt, ids, noneFirst ? null : token);
        Result second = window(noneFirst ? jwt : none, ids, noneFirst ? token : null);
        Pair pair = noneFirst ? new Pair(first, second) : new Pair(second, first);
        say("| %d%s | %.0f | %.3f | %.0f | %.3f | %.2fx |", i + 1, noneFirst ? " (none first)" : " (jwt first)", pair.none().rps(),
            pair.none().cpuMs(0), pair.jwt().rps(), pair.jwt().cpuMs(0), pair.cpuRatio());
        pairs.add(pair);
      }
      return pairs;
    } finally {
      none.stop();
    }
  }

  /** One measured window of GET by id at 32 connections on one server, with the token if given. */
  private static Result window(Service service, Path ids, String token) throws Exception {
    return Load.wrk(service.url(), 32, WINDOW, List.of(service.pid), "get-by-id.lua", args(ids.toString(), token));
  }
}
