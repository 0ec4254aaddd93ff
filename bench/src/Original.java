package bench;

import static bench.Settings.DATASTORE_PORT;
import static bench.Settings.ORIGINAL_PORT;
import static bench.Settings.OUT;
import static bench.Settings.WINDOW;
import static bench.Shell.check;

import bench.Load.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The original Falcon service, run as its Dockerfile runs it, on the same datastore and load. */
final class Original {

  private Original() {}

  static Map<String, Result> measure(Path checkout, Path ids) {
    try {
      check(Files.exists(checkout.resolve("backend/app/app.py")), "ORIGINAL=" + checkout + " is not a checkout of ember-falcon-mongo");
      check(Shell.portFree(ORIGINAL_PORT), "port " + ORIGINAL_PORT + " is taken: set ORIGINAL_PORT");
      // As its Dockerfile's entrypoint runs it, on the benchmark's port and datastore.
      ProcessBuilder builder = new ProcessBuilder("gunicorn", "-b", "127.0.0.1:" + ORIGINAL_PORT, "--workers", "5",
          "--logger-class", "app.common.logging.GunicornLogger", "app.app:run()")
          .directory(checkout.resolve("backend").toFile()).redirectErrorStream(true)
          .redirectOutput(OUT.resolve("original.log").toFile());
      builder.environment().put("PYTHONPATH", ".");
      builder.environment().put("MONGO_URI", "mongodb://127.0.0.1:" + DATASTORE_PORT + "/");
      Process gunicorn = builder.start();
      Shell.STARTED.add(gunicorn);
      try {
        String url = "http://127.0.0.1:" + ORIGINAL_PORT;
        Shell.waitReady(gunicorn, url + "/readiness", 60);
        List<Long> pids = Shell.tree(gunicorn).map(ProcessHandle::pid).toList();
        Shell.log("original: gunicorn, " + (pids.size() - 1) + " workers");
        Load.wrk(url, 32, WINDOW, List.of(), "get-by-id.lua", List.of(ids.toString()));
        Map<String, Result> table = Load.table(url, pids, ids, null);
        Report.say("\nOriginal service's resident set after the load: %d MB (gunicorn and its workers)",
            pids.stream().mapToLong(pid -> Shell.rssMb(pid)[0]).sum());
        return table;
      } finally {
        gunicorn.destroy();
        gunicorn.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the original service: " + e.getMessage(), e);
    }
  }
}
