package it.org.contacts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Liberty server of its own, for tests that need the service started with other settings than the
 * shared integration-test server: the same Liberty install, server.xml and WAR, its own port,
 * environment and logs.
 */
public final class LibertyServer implements AutoCloseable {

  /**
   * The change feed's cursor key of every server the tests start, the shared one included, as every
   * instance of a deployment shares one; a test passes an empty one to start without.
   */
  public static final String CURSOR_KEY = "integration-test-change-feed-cursor-key";

  private static final Path WLP = Path.of(System.getProperty("it.wlp.home"));

  private final String name;
  private final int port;

  private LibertyServer(String name, int port) {
    this.name = name;
    this.port = port;
  }

  /** Creates and starts a server of the production WAR with these environment variables. */
  public static LibertyServer start(String name, Map<String, String> environment) {
    return start(name, Path.of(System.getProperty("contacts.war")), environment);
  }

  /** The development build's WAR, which only a build without -Dproduction makes. */
  public static Path developmentWar() {
    return Path.of(System.getProperty("contacts.dev.war"));
  }

  /** Creates and starts a server of the given WAR with these environment variables. */
  public static LibertyServer start(String name, Path war, Map<String, String> environment) {
    int port = freePort();
    create(name, port, "", war);
    LibertyServer server = new LibertyServer(name, port);
    try {
      run(environment, "start", name);
    } catch (IllegalStateException slowStart) {
      server.close(); // a start that outlived its wait still runs a server, which nobody would stop
      throw slowStart;
    }
    try {
      Eventually.await(
          "the application on server " + name + " answers",
          java.time.Duration.ofSeconds(120),
          server::answersPing);
    } catch (AssertionError neverAnswered) {
      server.close(); // a test that gets no server cannot stop it
      throw neverAnswered;
    }
    return server;
  }

  /** Whether the application answers; a request that times out while it starts means not yet. */
  private boolean answersPing() {
    try {
      return Api.sendUnchecked(request("/ping").build()).status() == 200;
    } catch (UncheckedIOException notYet) {
      return false;
    }
  }

  /**
   * Creates a server directory: the project's server.xml, the HTTP port, extra JVM options (such as
   * system properties, one per line) and, unless Arquillian will deploy it (null), the WAR in
   * dropins.
   */
  static void create(String name, int port, String jvmOptions, Path war) {
    ServerLayout layout =
        ServerLayout.created(WLP, name)
            .serverXml(Path.of(System.getProperty("it.server.xml")))
            .httpPort(port)
            .jvmOptions(jvmOptions);
    if (war != null) {
      layout.war(war);
    }
  }

  public URI base() {
    return URI.create("http://localhost:" + port);
  }

  public java.net.http.HttpRequest.Builder request(String path) {
    return java.net.http.HttpRequest.newBuilder(base().resolve(path))
        .timeout(java.time.Duration.ofSeconds(30));
  }

  /** Waits until readiness reports UP, for at most this long. */
  public void awaitReady(java.time.Duration bound) {
    Eventually.await(
        "server " + name + " is ready",
        bound,
        () -> Api.sendUnchecked(request("/health/ready").build()).status() == 200);
  }

  /** Creates a contact on this server as a JSON:API client would and returns its id. */
  public String createContact(Map<String, String> attributes) {
    ApiResponse created =
        Api.send(
            request("/contacts")
                .header("Content-Type", Api.JSON_API)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.document(attributes)))
                .build());
    org.junit.jupiter.api.Assertions.assertEquals(
        201, created.status(), () -> "creating a test contact: " + created);
    return created.data().getString("id");
  }

  /** Everything the server has logged so far: messages.log and console.log. */
  public String logs() {
    Path logs = ServerLayout.directory(WLP, name).resolve("logs");
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** console.log: what the server wrote to standard output. */
  public String consoleLog() {
    Path log = ServerLayout.directory(WLP, name).resolve("logs/console.log");
    try {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of messages.log, the log a log shipper reads. */
  public java.util.List<String> messagesLog() {
    Path log = ServerLayout.directory(WLP, name).resolve("logs/messages.log");
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    run(Map.of(), "stop", name);
  }

  private static void run(Map<String, String> environment, String... arguments) {
    String[] command = new String[arguments.length + 1];
    command[0] = WLP.resolve("bin/server").toString();
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("MONGO_URI");
    builder.environment().remove("MONGO_EMBEDDED");
    // Open unless a test asks for tokens: most servers test something else.
    builder.environment().put("CONTACTS_AUTH_MODE", "none");
    // Not primed unless a test asks: priming keeps a server unready for seconds.
    builder.environment().put("CONTACTS_PRIMING_ENABLED", "false");
    builder.environment().put("CONTACTS_CHANGES_CURSOR_KEY", CURSOR_KEY);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "server " + String.join(" ", arguments) + " did not finish");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
