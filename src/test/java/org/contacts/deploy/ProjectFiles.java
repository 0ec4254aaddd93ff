package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files that the deployment tests hold against each other. */
final class ProjectFiles {

  static final String SERVER_XML = "src/main/liberty/config/server.xml";

  private static final Pattern VARIABLE =
      Pattern.compile("<variable name=\"([^\"]+)\" defaultValue=\"([^\"]*)\"");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name = \"([^\"]+)\"(?:,\\s*defaultValue = \"([^\"]*)\")?");
  private static final Pattern CONFIG_PREFIX =
      Pattern.compile("@ConfigProperties\\(prefix = \"([^\"]+)\"");

  private ProjectFiles() {}

  static Path path(String relative) {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file, as snakeyaml's maps and lists. */
  static List<Object> yaml(String relative) {
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions()))
        .loadAll(read(relative))
        .forEach(documents::add);
    return documents;
  }

  /**
   * The value at a path of map keys and list indexes; fails naming the path where there is none.
   */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      current =
          current instanceof Map<?, ?> map
              ? map.get(step)
              : current instanceof List<?> list && (int) step < list.size()
                  ? list.get((int) step)
                  : null;
      if (current == null) {
        return fail("no " + List.of(path) + " in " + node);
      }
    }
    return current;
  }

  static String text(Object node, Object... path) {
    return String.valueOf(at(node, path));
  }

  /** The default of a {@code <variable>} of server.xml. */
  static String serverVariable(String name) {
    String value = matches(read(SERVER_XML), VARIABLE, "").get(name);
    return value != null ? value : fail(SERVER_XML + " should declare the variable " + name);
  }

  /** The text of the first element of pom.xml of this name, such as a property. */
  static String pom(String element) {
    Matcher value = Pattern.compile("<" + element + ">([^<]*)<").matcher(read("pom.xml"));
    return value.find() ? value.group(1).trim() : fail("pom.xml should have <" + element + ">");
  }

  /**
   * Every setting the service reads, in its environment spelling, with its default ("" where it has
   * none): the variables of server.xml and the {@code @ConfigProperty} keys of the sources.
   */
  static Map<String, String> settings() {
    Map<String, String> settings = new TreeMap<>();
    matches(read(SERVER_XML), VARIABLE, "")
        .forEach((key, value) -> settings.put(environmentName(key), value));
    for (String sources : List.of("src/main/java", "src/dev/java")) {
      if (Files.isDirectory(path(sources))) {
        try (Stream<Path> files = Files.walk(path(sources))) {
          files
              .filter(file -> file.toString().endsWith(".java"))
              .map(file -> read(path("").relativize(file).toString()))
              .forEach(
                  source -> {
                    Matcher prefix = CONFIG_PREFIX.matcher(source);
                    String keyPrefix = prefix.find() ? prefix.group(1) + "." : "";
                    matches(source, CONFIG_PROPERTY, keyPrefix)
                        .forEach((key, value) -> settings.put(environmentName(key), value));
                  });
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return settings;
  }

  /** MicroProfile Config's and Liberty's environment spelling of a key. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** Key (after the prefix) to value, from a pattern's first and optional second group. */
  private static Map<String, String> matches(String text, Pattern pattern, String prefix) {
    Matcher matcher = pattern.matcher(text);
    Map<String, String> found = new TreeMap<>();
    while (matcher.find()) {
      found.put(prefix + matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
    }
    return found;
  }
}
