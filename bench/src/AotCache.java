package bench;

import static bench.Settings.ENV;
import static bench.Settings.OUT;
import static bench.Settings.TRAINING_SECONDS;
import static bench.Shell.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On JDK 25 and later (unless AOT=0), a training start before the measured ones: the JVM records
 * the classes it loads and links and the profiles of the methods it runs under the benchmark's
 * own load, and writes them to an ahead-of-time cache when the server stops (JEP 483, 514, 515).
 * Every later start of the service reads the cache.
 */
final class AotCache {

  private AotCache() {}

  static void train(Path ids) throws Exception {
    int feature = serviceJdkFeature();
    if (Settings.off("AOT") || feature < 25) {
      Report.say("- AOT cache: not used (%s)", feature < 25 ? "the service's JDK is " + feature + "; the cache needs 25 or later" : "AOT=0");
      return;
    }
    Path cache = OUT.resolve("contacts.aot");
    String userArgs = Service.jvmArgs;
    Service.jvmArgs = (userArgs + " -XX:AOTCacheOutput=" + cache).strip();
    long started = System.nanoTime();
    Service service = Service.fresh(Map.of("CONTACTS_AUTH_MODE", "none"));
    try {
      Load.wrk(service.url(), 32, TRAINING_SECONDS, List.of(), "get-by-id.lua", List.of(ids.toString()));
      Load.wrk(service.url(), 32, TRAINING_SECONDS / 2, List.of(), "post.lua", List.of());
    } finally {
      service.stop();
    }
    check(Files.exists(cache), "the training start wrote no AOT cache; see " + OUT.resolve("service.log"));
    Service.jvmArgs = (userArgs + " -XX:AOTCache=" + cache).strip();
    Report.say("- AOT cache: trained by a start with %d s of GET by id and %d s of POST at 32 connections (%.0f s in all), %d MB; every start below reads it",
        TRAINING_SECONDS, TRAINING_SECONDS / 2, (System.nanoTime() - started) / 1e9, Files.size(cache) >> 20);
  }

  /** The feature release of the JDK Liberty runs the service on: JAVA_HOME's, or the java on PATH. */
  private static int serviceJdkFeature() throws Exception {
    String java = Optional.ofNullable(ENV.get("JAVA_HOME")).map(home -> home + "/bin/java").orElse("java");
    Matcher version = Pattern.compile("version \"(\\d+)").matcher(Shell.output(List.of(java, "-version")));
    check(version.find(), "could not tell the version of " + java);
    return Integer.parseInt(version.group(1));
  }
}
