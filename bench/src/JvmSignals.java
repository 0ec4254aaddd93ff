package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the service's JVM says about itself: its garbage collector's pauses and its request threads. */
final class JvmSignals {

  private static final Pattern PAUSE = Pattern.compile("^\\[([\\d.]+)s\\].* Pause .* ([\\d.]+)ms$");

  private JvmSignals() {}

  /** One pause of the collector: when (ms since the clients started) and how long. */
  record Pause(long at, double millis) {}

  /** The pauses that -Xlog:gc:file=...:uptime wrote, on the clients' clock. */
  static List<Pause> gcPauses(Path log, long pid, long clientsStartedAtMillis) throws IOException {
    long jvmStartedAt = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> i.toEpochMilli()).orElse(0L);
    List<Pause> pauses = new ArrayList<>();
    if (!Files.exists(log) || jvmStartedAt == 0) {
      return pauses;
    }
    for (String line : Files.readAllLines(log)) {
      Matcher pause = PAUSE.matcher(line);
      if (pause.find()) {
        long at = jvmStartedAt + Math.round(Double.parseDouble(pause.group(1)) * 1000) - clientsStartedAtMillis;
        pauses.add(new Pause(at, Double.parseDouble(pause.group(2))));
      }
    }
    return pauses;
  }

  /**
   * Liberty's request threads in a thread dump: how many there are, how many wait in the MongoDB
   * driver, how many are idle (waiting for work), and how many do something else.
   */
  static String requestThreads(String dump) {
    int all = 0;
    int driver = 0;
    int idle = 0;
    for (String thread : dump.split("\n\n")) {
      if (!thread.startsWith("\"Default Executor-thread")) {
        continue;
      }
      all++;
      if (thread.contains("com.mongodb.")) {
        driver++;
      } else if (thread.contains("BoundedBuffer.take") || thread.contains("BoundedBuffer.poll")) {
        idle++;
      }
    }
    return String.format("%d request threads: %d in the MongoDB driver, %d idle, %d elsewhere", all, driver, idle, all - driver - idle);
  }
}
