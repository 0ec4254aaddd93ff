package org.contacts.deploy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's .dockerignore, matched as Docker does: patterns in order, the last one that
 * matches a path or one of its parent directories decides, and '!' includes again.
 */
final class DockerIgnore {

  private record Rule(PathMatcher matcher, boolean include) {}

  private final List<Rule> rules = new ArrayList<>();

  DockerIgnore() {
    for (String line : ProjectFiles.read(".dockerignore").split("\n")) {
      String pattern = line.trim();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean include = pattern.startsWith("!");
      String glob = (include ? pattern.substring(1) : pattern).replaceAll("^/+|/+$", "");
      rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + glob), include));
    }
  }

  /** Whether a path of the build context, relative to the repository root, is left out of it. */
  boolean excludes(String relative) {
    Path path = Path.of(relative.replaceAll("^\\./|/+$", ""));
    boolean excluded = false;
    for (Rule rule : rules) {
      for (int depth = 1; depth <= path.getNameCount(); depth++) {
        if (rule.matcher().matches(path.subpath(0, depth))) {
          excluded = !rule.include();
          break;
        }
      }
    }
    return excluded;
  }
}
