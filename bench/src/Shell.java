package bench;

import static bench.Settings.OUT;
import static bench.Settings.REPO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Processes, HTTP polling and /proc reads: the few things the drivers need from the machine. */
final class Shell {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux
  /** Every process the benchmark started, ended when it ends (Main.cleanUp). */
  static final List<Process> STARTED = new ArrayList<>();

  private Shell() {}

  static long cpuTicks(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException e) {
      return 0; // the process has gone
    }
  }

  /** One thread of a process: its name as the kernel keeps it (the first 15 characters), and its CPU ticks. */
  record ThreadTicks(String name, long ticks) {}

  /** The threads of a process that are running now, by thread id: a thread that has ended is not among them. */
  static Map<String, ThreadTicks> threadTicks(long pid) {
    Map<String, ThreadTicks> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          threads.put(task.getFileName().toString(), new ThreadTicks(name, ticks(stat)));
        } catch (IOException e) {
          // the thread ended while the list was read
        }
      });
    } catch (IOException e) {
      // the process has gone: no threads
    }
    return threads;
  }

  /** utime and stime of a line of /proc/.../stat, whose name field may hold spaces and parentheses. */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static long[] rssMb(long pid) {
    try {
      List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
      return new long[] {kb(first(status, "VmRSS:")) / 1024, kb(first(status, "VmHWM:")) / 1024};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long kb(String line) {
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
    // Generous: a JVM that has just started answers its first requests slowly on a busy machine.
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
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

  /** Whether something accepts TCP connections on the port of 127.0.0.1. */
  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The java of the process's JDK, or another tool of it (jcmd). */
  static Path jdkTool(long pid, String tool) {
    Path bin = Path.of(ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElseThrow()).getParent();
    return bin.resolve(tool);
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

  /** The process and every process it started. */
  static Stream<ProcessHandle> tree(Process process) {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants());
  }

  static List<String> args(String... values) {
    return Stream.of(values).filter(v -> v != null).toList();
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

  static void log(String message) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), message);
  }
}
