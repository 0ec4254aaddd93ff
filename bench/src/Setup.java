package bench;

import static bench.Settings.OUT;
import static bench.Settings.REPO;
import static bench.Shell.check;
import static bench.Shell.log;
import static bench.Shell.onPath;
import static bench.Shell.run;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark needs before it measures: its programs and the build. */
final class Setup {

  private Setup() {}

  /** wrk and, to run the original, gunicorn and its Python packages: installed with apt-get when missing. */
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
    // Formatting is the test command's to check; google-java-format cannot run on JDK 25, and the
    // benchmark builds with the JDK it measures.
    int status = run(List.of("mvn", "-B", "-ntp", "-q", "-DskipTests", "-Dspotless.check.skip=true", "package",
        "liberty:create", "liberty:install-feature", "liberty:deploy",
        "dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=target/bench/classpath.txt",
        "dependency:copy", "-Dartifact=de.bwaldvogel:mongo-java-server-memory-backend:" + version.group(1),
        "-DoutputDirectory=target/bench/lib"), OUT.resolve("build.log"));
    check(status == 0, "the build failed; see " + OUT.resolve("build.log"));
  }
}
