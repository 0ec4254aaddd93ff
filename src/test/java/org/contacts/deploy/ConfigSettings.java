package org.contacts.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings the service reads, found from the {@code @ConfigProperty} annotations of its
 * sources, so the deployment files are checked against the code rather than against a copy of it.
 */
final class ConfigSettings {

  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile(
          "@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\""
              + "(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");

  /** Environment variable name to default value (empty when the setting has none). */
  private final Map<String, Optional<String>> defaults = new TreeMap<>();

  ConfigSettings() {
    try (Stream<Path> files = Files.walk(ProjectFiles.path("src/main/java"))) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(this::scan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void scan(Path source) {
    try {
      Matcher matcher = CONFIG_PROPERTY.matcher(Files.readString(source));
      while (matcher.find()) {
        defaults.put(environmentName(matcher.group(1)), Optional.ofNullable(matcher.group(2)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** MicroProfile Config's environment spelling: non-alphanumerics to '_', upper case. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  Map<String, Optional<String>> environmentNames() {
    return defaults;
  }

  Optional<String> defaultOf(String environmentName) {
    return defaults.getOrDefault(environmentName, Optional.empty());
  }
}
