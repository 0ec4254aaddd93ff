package it.org.contacts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, run headless to load a page, let its scripts run and hand back the DOM they
 * rendered. CI installs it (see .ci/run); tests that need it skip where it is missing.
 */
public final class HeadlessChromium {

  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  /** How long the page's scripts may run, in the browser's virtual time. */
  private static final int SCRIPT_BUDGET_MILLIS = 15_000;

  private static final long TIMEOUT_SECONDS = 90;

  private HeadlessChromium() {}

  public static boolean isInstalled() {
    return Files.isExecutable(EXECUTABLE);
  }

  /**
   * How the tests run it: headless, without a sandbox (CI runs as root) or GPU, and without
   * reaching out to Google's services, in a profile of its own.
   */
  public static List<String> flags(Path profile) {
    return List.of(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
  }

  /**
   * Loads the page in a browser profile of its own and returns the serialized DOM.
   *
   * @param workDir an empty or new directory for the profile and the browser's output
   */
  public static String renderedDom(URI page, Path workDir) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path dom = workDir.resolve("dom.html");
    Path log = workDir.resolve("chromium.log");
    List<String> command = new ArrayList<>();
    command.add(EXECUTABLE.toString());
    command.addAll(flags(workDir.resolve("profile")));
    command.addAll(
        List.of("--virtual-time-budget=" + SCRIPT_BUDGET_MILLIS, "--dump-dom", page.toString()));
    try {
      Process browser =
          new ProcessBuilder(command)
              .redirectOutput(dom.toFile())
              .redirectError(log.toFile())
              .start();
      if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "Chromium did not render " + page + " within " + TIMEOUT_SECONDS + " s");
      }
      if (browser.exitValue() != 0) {
        throw new AssertionError(
            "Chromium exited with "
                + browser.exitValue()
                + " rendering "
                + page
                + ":\n"
                + Files.readString(log));
      }
      return Files.readString(dom, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
