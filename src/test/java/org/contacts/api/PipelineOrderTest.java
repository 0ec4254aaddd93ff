package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pipeline as docs/pipeline.md lists it is the one the filters' annotations make. */
class PipelineOrderTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Pattern JAX_RS_IN =
      Pattern.compile(
          "^\\| \\d+ \\| `(\\w+)` \\| `([\\w.]+)` \\| JAX-RS, (pre|post)-matching, (\\d+) \\|",
          Pattern.MULTILINE);
  private static final Pattern JAX_RS_OUT =
      Pattern.compile("^\\| \\d+ \\| `(\\w+)` \\(`([\\w.]+)`\\) \\| (\\d+) \\|", Pattern.MULTILINE);
  private static final Pattern FILTER_CLASS =
      Pattern.compile(
          "public class (\\w+)[^{]*implements[^{]*\\b(ContainerRequestFilter|ContainerResponseFilter"
              + "|Filter)\\b");

  @Test
  void requestFiltersHaveTheListedPrioritiesAndRunInTheListedOrder() throws Exception {
    Matcher row = JAX_RS_IN.matcher(pipeline());
    List<Integer> preMatching = new ArrayList<>();
    int rows = 0;
    while (row.find()) {
      rows++;
      Class<?> filter = filterClass(row.group(2), row.group(1));
      int priority = Integer.parseInt(row.group(4));
      assertEquals(priority, priorityOf(filter), filter.getSimpleName() + "'s @Priority");
      boolean pre = row.group(3).equals("pre");
      assertEquals(
          pre, filter.isAnnotationPresent(PreMatching.class), filter.getSimpleName() + " matching");
      if (pre) {
        preMatching.add(priority);
      }
    }
    assertTrue(rows >= 6, "the table of request filters was read: " + rows + " rows");
    assertEquals(
        preMatching.stream().sorted().toList(), preMatching, "listed in the order they run");
  }

  @Test
  void responseFiltersHaveTheListedPrioritiesAndRunInTheListedOrder() throws Exception {
    Matcher row = JAX_RS_OUT.matcher(pipeline());
    List<Integer> priorities = new ArrayList<>();
    while (row.find()) {
      Class<?> filter = filterClass(row.group(2), row.group(1));
      assertTrue(
          ContainerResponseFilter.class.isAssignableFrom(filter),
          filter.getSimpleName() + " filters responses");
      int priority = Integer.parseInt(row.group(3));
      assertEquals(priority, priorityOf(filter), filter.getSimpleName() + "'s @Priority");
      priorities.add(priority);
    }
    assertFalse(priorities.isEmpty(), "the table of response filters was read");
    assertEquals(
        priorities.stream().sorted((a, b) -> b - a).toList(),
        priorities,
        "listed in the order they run: by descending priority");
  }

  @Test
  void everyFilterOfTheServiceIsListed() throws IOException {
    String pipeline = pipeline();
    try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher filter = FILTER_CLASS.matcher(Files.readString(source));
        if (filter.find()) {
          assertTrue(
              pipeline.contains("`" + filter.group(1) + "`"),
              filter.group(1) + " is listed in docs/pipeline.md");
        }
      }
    }
  }

  private static String pipeline() throws IOException {
    return Files.readString(ROOT.resolve("docs/pipeline.md"));
  }

  private static Class<?> filterClass(String packageName, String name)
      throws ClassNotFoundException {
    return Class.forName("org.contacts." + packageName + "." + name);
  }

  private static int priorityOf(Class<?> filter) {
    Priority priority = filter.getAnnotation(Priority.class);
    return priority == null ? jakarta.ws.rs.Priorities.USER : priority.value();
  }
}
