package bench;

import static bench.Settings.CURVE_SECONDS;
import static bench.Settings.CURVE_WINDOW;
import static bench.Settings.ENV;
import static bench.Settings.OUT;
import static bench.Settings.ROUNDS;
import static bench.Settings.SETTLE;
import static bench.Settings.WINDOW;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The report: markdown on the terminal and in report.md, opened by its header. */
final class Report {

  private static PrintStream report;

  private Report() {}

  static void open(Path file) throws IOException {
    report = new PrintStream(new Tee(Files.newOutputStream(file)), true, StandardCharsets.UTF_8);
  }

  static void say(String format, Object... values) {
    report.println(values.length == 0 ? format : String.format(format, values));
  }

  /** The machine, the commit, the JDK and the windows the figures below come from. */
  static void header() throws Exception {
    machine("Benchmark " + OUT.getFileName());
    say("- Priming before readiness: %s; load from launch: %s", Settings.PRIMING ? "on (CONTACTS_PRIMING_ENABLED=true)" : "off (PRIMING=0)",
        Settings.LAUNCH_SECONDS > 0 ? "GET by id at 32 connections for the first " + Settings.LAUNCH_SECONDS + " s" : "none (LAUNCH_SECONDS=0)");
    say("- Windows: warm-up curve %d s in %d s windows, then %d s of settling; each figure the median of %d windows of %d s; wrk -t2, 127.0.0.1",
        CURVE_SECONDS, CURVE_WINDOW, SETTLE, ROUNDS, WINDOW);
    MachineGauge.read("at the start");
  }

  /** The report's title, and the machine, the commit and the JDK its figures come from. */
  static void machine(String title) throws Exception {
    say("# %s", title);
    say("- Machine: %d CPUs, %s; load average %s (1, 5, 15 min)", Runtime.getRuntime().availableProcessors(),
        Shell.first(Files.readAllLines(Path.of("/proc/cpuinfo")), "model name").replaceAll(".*:\\s*", ""),
        String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)));
    say("- Commit: %s; service JDK: %s; JVM_ARGS: %s", Shell.output(List.of("git", "rev-parse", "--short", "HEAD")).strip(),
        Optional.ofNullable(ENV.get("JAVA_HOME")).orElse("java on PATH"), ENV.getOrDefault("JVM_ARGS", "none"));
  }

  /** The report goes to the terminal and to report.md. */
  private static final class Tee extends OutputStream {
    private final OutputStream file;

    Tee(OutputStream file) {
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      System.out.write(b);
      file.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      System.out.write(bytes, offset, length);
      file.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      System.out.flush();
      file.flush();
    }
  }
}
