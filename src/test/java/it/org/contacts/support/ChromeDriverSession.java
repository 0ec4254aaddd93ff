package it.org.contacts.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven by Debian's chromedriver over the W3C WebDriver protocol, for a page
 * whose scripts must be watched while they run (a streamed fetch() never ends, so {@link
 * HeadlessChromium}'s one-shot DOM dump cannot show it). It speaks the few commands the tests need:
 * open a page, run a script, and an asynchronous script that waits in the browser. Closing it quits
 * the browser and stops the chromedriver it started.
 */
public final class ChromeDriverSession implements AutoCloseable {

  public static final Path EXECUTABLE = Path.of("/usr/bin/chromedriver");

  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration COMMAND = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private final Process driver;
  private final URI base;
  private String session;

  private ChromeDriverSession(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** Whether both chromedriver and the Chromium it drives are installed. */
  public static boolean isInstalled() {
    return Files.isExecutable(EXECUTABLE) && HeadlessChromium.isInstalled();
  }

  /**
   * Starts chromedriver on a free loopback port and opens a browser session in it.
   *
   * @param workDir a new or empty directory for the browser profile and the driver's log
   */
  public static ChromeDriverSession start(Path workDir) {
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      Process driver =
          new ProcessBuilder(
                  EXECUTABLE.toString(),
                  // local connections only, its default
                  "--port=" + port,
                  // warnings only: its log at INFO would hold every page address and script
                  "--log-level=WARNING")
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("chromedriver.log").toFile())
              .start();
      ChromeDriverSession browser =
          new ChromeDriverSession(driver, URI.create("http://127.0.0.1:" + port + "/"));
      try {
        Eventually.await("chromedriver answers on port " + port, START, browser::isReady);
        browser.open(workDir.resolve("profile"));
        return browser;
      } catch (RuntimeException | AssertionError e) {
        browser.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the page; returns once the browser says it has loaded, while its scripts go on. */
  public void navigate(URI page) {
    command("POST", "url", Json.createObjectBuilder().add("url", page.toString()).build());
  }

  /** Runs a script's body in the page and returns what it returns. */
  public JsonValue execute(String script) {
    return command("POST", "execute/sync", script(script));
  }

  /**
   * Runs a script's body that calls its last argument when it is done, and returns what it passed;
   * fails when it has not within the session's script timeout.
   */
  public JsonValue executeAsync(String script) {
    return command("POST", "execute/async", script(script));
  }

  private static JsonObject script(String body) {
    return Json.createObjectBuilder()
        .add("script", body)
        .add("args", Json.createArrayBuilder())
        .build();
  }

  /** Opens the session: headless, with the flags HeadlessChromium runs with. */
  private void open(Path profile) {
    JsonArrayBuilder args = Json.createArrayBuilder();
    HeadlessChromium.flags(profile).forEach(args::add);
    JsonObject capabilities =
        Json.createObjectBuilder()
            .add(
                "alwaysMatch",
                Json.createObjectBuilder()
                    .add("browserName", "chrome")
                    .add(
                        "goog:chromeOptions",
                        Json.createObjectBuilder()
                            .add("binary", HeadlessChromium.EXECUTABLE.toString())
                            .add("args", args)))
            .build();
    JsonValue opened =
        send(
            "POST",
            "session",
            Json.createObjectBuilder().add("capabilities", capabilities).build());
    session = opened.asJsonObject().getString("sessionId");
  }

  /** Sets how long an asynchronous script may take before it fails. */
  public void scriptTimeout(Duration timeout) {
    command(
        "POST", "timeouts", Json.createObjectBuilder().add("script", timeout.toMillis()).build());
  }

  private JsonValue command(String method, String path, JsonObject body) {
    if (session == null) {
      throw new IllegalStateException("no browser session");
    }
    return send(method, "session/" + session + "/" + path, body);
  }

  /** Sends a command and returns its value; a WebDriver error fails with its message. */
  private JsonValue send(String method, String path, JsonObject body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(COMMAND)
            .header("Content-Type", "application/json; charset=utf-8");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      value = reader.readObject().get("value");
    }
    if (response.statusCode() != 200) {
      JsonObject error = value.asJsonObject();
      throw new AssertionError(
          "WebDriver " + error.getString("error", "?") + ": " + error.getString("message", ""));
    }
    return value;
  }

  private boolean isReady() {
    try {
      return send("GET", "status", null).asJsonObject().getBoolean("ready", false);
    } catch (UncheckedIOException notYet) {
      return false;
    }
  }

  /** Quits the browser, then stops chromedriver, whatever state either is in. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    if (session != null) {
      try {
        send("DELETE", "session/" + session, null);
      } catch (RuntimeException | AssertionError e) {
        failures.add(new IllegalStateException("quitting the browser", e));
      }
      session = null;
    }
    // chromedriver leaves a browser it could not quit running: that goes first.
    driver.descendants().forEach(ProcessHandle::destroyForcibly);
    driver.destroy();
    try {
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
