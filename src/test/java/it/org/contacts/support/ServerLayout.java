package it.org.contacts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one way this project lays out a Liberty server directory of its own, for the integration
 * tests ({@link LibertyServer}) and the benchmark (bench/), which compiles this file beside its own
 * classes: so it uses the JDK alone. A server starts either from Liberty's own {@code server
 * create} or as a copy of a server the build made, never with another server's state, and then gets
 * its port, JVM options, configuration and application here.
 */
public final class ServerLayout {

  /** What a server writes while it runs; a new server starts without it, as a new instance does. */
  private static final Set<String> STATE = Set.of("workarea", "logs", "data", "resources");

  private final Path dir;

  private ServerLayout(Path dir) {
    this.dir = dir;
  }

  /** The directory of server {@code name} in this Liberty install. */
  public static Path directory(Path wlp, String name) {
    return wlp.resolve("usr/servers").resolve(name);
  }

  /**
   * Server {@code name}, created afresh by {@code wlp/bin/server create}: Liberty's skeleton with
   * its generated keystore password. Any earlier server of that name is deleted first.
   */
  public static ServerLayout created(Path wlp, String name) {
    Path dir = directory(wlp, name);
    deleteRecursively(dir);
    try {
      Process create =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "create", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!create.waitFor(180, TimeUnit.SECONDS) || create.exitValue() != 0) {
        create.destroyForcibly();
        throw new IllegalStateException("server create " + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new ServerLayout(dir);
  }

  /**
   * Server {@code name} as a copy of server {@code template} of the same install, without the
   * template's state (workarea, logs, data, resources). Any earlier server of that name is deleted
   * first.
   */
  public static ServerLayout copied(Path wlp, String template, String name) {
    Path from = directory(wlp, template);
    Path dir = directory(wlp, name);
    deleteRecursively(dir);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path relative = from.relativize(path);
        if (relative.getNameCount() > 0 && STATE.contains(relative.getName(0).toString())) {
          continue;
        }
        Files.copy(path, dir.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServerLayout(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The server's configuration replaced by this server.xml. */
  public ServerLayout serverXml(Path serverXml) {
    try {
      Files.copy(serverXml, dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The HTTP port, in bootstrap.properties (server.xml's {@code ${http.port}}). */
  public ServerLayout httpPort(int port) {
    write("bootstrap.properties", "http.port=" + port + "\n");
    return this;
  }

  /** jvm.options replaced by these options, one a line. */
  public ServerLayout jvmOptions(String options) {
    write("jvm.options", options);
    return this;
  }

  /** Drops the lines of one of the server's files (such as jvm.options) that start so. */
  public ServerLayout withoutLines(String file, String prefix) {
    Path path = dir.resolve(file);
    try {
      if (Files.exists(path)) {
        List<String> lines = Files.readAllLines(path);
        Files.write(path, lines.stream().filter(Predicate.not(l -> l.startsWith(prefix))).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The WAR in dropins, always as contacts-service.war: either build's WAR at the same root. */
  public ServerLayout war(Path war) {
    try {
      Files.copy(war, dir.resolve("dropins/contacts-service.war"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
