package bench;

import static bench.Settings.CONTACTS;
import static bench.Settings.DATASTORE_PORT;
import static bench.Settings.OUT;
import static bench.Settings.REPO;
import static bench.Shell.check;
import static bench.Shell.first;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shared in-memory datastore (bench/BenchDatastore.java in a JVM of its own): the file of its
 * contacts' ids, one a line, and the line in which it gave what it serves alone.
 */
record Datastore(Process process, Path ids, String ceiling) {

  /**
   * Starts it with the benchmark's contacts; with the ceiling, it first measures what it serves
   * alone (20 s of load), which the brownout does not need.
   */
  static Datastore start(boolean ceiling) throws Exception {
    Path ids = OUT.resolve("ids.txt");
    String classpath = Files.readString(REPO.resolve("target/bench/classpath.txt")).strip();
    try (Stream<Path> jars = Files.list(REPO.resolve("target/bench/lib"))) {
      classpath += ":" + String.join(":", jars.map(Path::toString).toList());
    }
    Path log = OUT.resolve("datastore.log");
    // In memory: every contact the POST windows of both services add stays there, about a
    // million of them in a full run, which 512 MB did not hold.
    Process datastore = new ProcessBuilder("java", "-Xmx4g", "-cp", classpath, "bench/BenchDatastore.java",
        Integer.toString(DATASTORE_PORT), Integer.toString(CONTACTS), ids.toString(), ceiling ? "ceiling" : "no-ceiling")
        .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Shell.STARTED.add(datastore);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log).contains("READY")) {
      check(datastore.isAlive() && System.nanoTime() < deadline, "the datastore did not start; see " + log);
      Shell.sleep(100);
    }
    Shell.log("datastore: " + first(Files.readAllLines(log), "READY"));
    return new Datastore(datastore, ids, first(Files.readAllLines(log), "CEILING"));
  }

  /** Closing its standard input stops it. */
  void stop() throws Exception {
    process.getOutputStream().close();
    process.waitFor(10, TimeUnit.SECONDS);
    process.destroy();
  }
}
