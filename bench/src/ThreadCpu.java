package bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the CPU of a Liberty server's JVM went, by kind of thread, followed from its launch. A JVM
 * ends threads as it goes: a second C2 compiler thread once the compiler's queue has emptied, the
 * threads that started the server, executor threads. A single reading at the end would lose their
 * CPU, so the threads are read four times a second and each keeps its last reading.
 */
final class ThreadCpu implements AutoCloseable {

  private static final long EVERY_MILLIS = 250;

  private final String server;
  // These two are read and written on the poller's thread only: used() asks it for the summary.
  private final Map<String, Shell.ThreadTicks> threads = new HashMap<>();
  private long pid = -1;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "thread-cpu");
    thread.setDaemon(true);
    return thread;
  });

  private ThreadCpu(String server) {
    this.server = server;
  }

  /** Follows the JVM of the Liberty server of that name from the moment it appears. */
  static ThreadCpu follow(String server) {
    ThreadCpu cpu = new ThreadCpu(server);
    cpu.poller.scheduleWithFixedDelay(cpu::read, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    return cpu;
  }

  /** The CPU the JVM has used so far: the JIT compilers', Liberty's executor's, the VM thread's, the rest's. */
  String used() {
    try {
      return poller.submit(this::summary).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not read (interrupted)";
    } catch (ExecutionException e) {
      return "not read (" + e.getCause() + ")";
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  private void read() {
    if (pid < 0) {
      pid = ProcessHandle.allProcesses().filter(this::isTheServer).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
    if (pid >= 0) {
      threads.putAll(Shell.threadTicks(pid));
    }
  }

  private boolean isTheServer(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    return info.command().orElse("").endsWith("/java") && List.of(info.arguments().orElse(new String[0])).contains(server);
  }

  private String summary() {
    read();
    if (pid < 0) {
      return "not read (no JVM of " + server + " found)";
    }
    long c2 = ticks("C2 CompilerThre");
    long c1 = ticks("C1 CompilerThre");
    long executor = ticks("Default Executo");
    long vm = ticks("VM Thread");
    long all = Shell.cpuTicks(pid);
    return String.format("%.1f s of CPU: the JIT compilers %.1f s (%.0f%%; C2 %.1f s, C1 %.1f s), Liberty's executor (the start's"
        + " work, priming and the requests) %.1f s, the VM thread (safepoints, the serial collector) %.1f s, the rest %.1f s",
        seconds(all), seconds(c2 + c1), 100.0 * (c2 + c1) / Math.max(1, all), seconds(c2), seconds(c1), seconds(executor),
        seconds(vm), seconds(all - c2 - c1 - executor - vm));
  }

  private long ticks(String name) {
    return threads.values().stream().filter(t -> t.name().equals(name)).mapToLong(Shell.ThreadTicks::ticks).sum();
  }

  private static double seconds(long ticks) {
    return ticks / (double) Shell.TICKS_PER_SECOND;
  }
}
