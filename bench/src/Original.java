package bench;

import static bench.Settings.DATASTORE_PORT;
import static bench.Settings.LAUNCH_SECONDS;
import static bench.Settings.ORIGINAL_PORT;
import static bench.Settings.OUT;
import static bench.Settings.WINDOW;
import static bench.Shell.check;

import bench.Load.Launch;
import bench.Load.Measured;
import bench.Load.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The original Falcon service, run as its Dockerfile runs it, on the same datastore and load. */
final class Original {

  private Original() {}

  /**
   * Its first LAUNCH_SECONDS under GET by id from launch, then 10 s of unmeasured warm-up (when
   * there was no load from launch) and the settled table.
   */
  static Measured measure(Path checkout, Path ids) {
    check(Files.exists(checkout.resolve("backend/app/app.py")), "ORIGINAL=" + checkout + " is not a checkout of ember-falcon-mongo");
    check(Shell.portFree(ORIGINAL_PORT), "port " + ORIGINAL_PORT + " is taken: set ORIGINAL_PORT");
    // As its Dockerfile's entrypoint runs it, on the benchmark's port and datastore.
    ProcessBuilder builder = new ProcessBuilder("gunicorn", "-b", "127.0.0.1:" + ORIGINAL_PORT, "--workers", "5",
        "--logger-class", "app.common.logging.GunicornLogger", "app.app:run()")
        .directory(checkout.resolve("backend").toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("original.log").toFile()));
    builder.environment().put("PYTHONPATH", ".");
    builder.environment().put("MONGO_URI", "mongodb://127.0.0.1:" + DATASTORE_PORT + "/");
    String url = "http://127.0.0.1:" + ORIGINAL_PORT;
    Process[] gunicorn = new Process[1];
    try {
      Callable<Double> launch = () -> {
        long started = System.nanoTime();
        gunicorn[0] = builder.start();
        Shell.STARTED.add(gunicorn[0]);
        Shell.waitReady(gunicorn[0], url + "/readiness", 60);
        return (System.nanoTime() - started) / 1e9;
      };
      Launch launched = null;
      double ready;
      if (LAUNCH_SECONDS > 0) {
        launched = Load.fromLaunch(ORIGINAL_PORT, ids, launch);
        ready = launched.ready();
      } else {
        ready = launch.call();
        Load.wrk(url, 32, WINDOW, List.of(), "get-by-id.lua", List.of(ids.toString()));
      }
      List<Long> pids = Shell.tree(gunicorn[0]).map(ProcessHandle::pid).toList();
      Shell.log("original: gunicorn, " + (pids.size() - 1) + " workers");
      Map<String, Result> table = Load.table(url, pids, ids, null);
      long rss = pids.stream().mapToLong(pid -> Shell.rssMb(pid)[0]).sum();
      Report.say("\nOriginal service's resident set after the load: %d MB (gunicorn and its workers)", rss);
      return new Measured(table, List.of(), rss, ready, launched, null);
    } catch (Exception e) {
      throw new IllegalStateException("the original service: " + e.getMessage(), e);
    } finally {
      if (gunicorn[0] != null) {
        gunicorn[0].destroy();
        try {
          gunicorn[0].waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
