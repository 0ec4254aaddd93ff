package org.contacts.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile read as its build stages and their instructions (shell form, as ours are written).
 */
record Dockerfile(String file, List<Stage> stages) {

  record Stage(String image, Optional<String> name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int indexOf(Instruction instruction) {
      return instructions.indexOf(instruction);
    }
  }

  /** One instruction: its keyword, its {@code --flag=value} options and its other words. */
  record Instruction(String keyword, List<String> flags, List<String> words, String line) {

    Optional<String> flag(String name) {
      return flags.stream()
          .filter(flag -> flag.startsWith("--" + name + "="))
          .map(flag -> flag.substring(name.length() + 3))
          .findFirst();
    }

    /** For COPY: every word but the last. */
    List<String> sources() {
      return words.subList(0, words.size() - 1);
    }

    String destination() {
      return words.get(words.size() - 1);
    }
  }

  static Dockerfile read(String file) {
    List<Stage> stages = new ArrayList<>();
    for (String line : logicalLines(ProjectFiles.read(file))) {
      List<String> parts = Arrays.asList(line.trim().split("\\s+"));
      String keyword = parts.get(0).toUpperCase();
      List<String> flags = parts.stream().skip(1).filter(p -> p.startsWith("--")).toList();
      List<String> words = parts.stream().skip(1).filter(p -> !p.startsWith("--")).toList();
      if (keyword.equals("FROM")) {
        Optional<String> name =
            words.size() == 3 && words.get(1).equalsIgnoreCase("AS")
                ? Optional.of(words.get(2))
                : Optional.empty();
        stages.add(new Stage(words.get(0), name, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages
            .get(stages.size() - 1)
            .instructions()
            .add(new Instruction(keyword, flags, words, line));
      }
    }
    return new Dockerfile(file, stages);
  }

  /** Lines without comments, continuations joined. */
  private static List<String> logicalLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        lines.add(current.append(line).toString());
        current.setLength(0);
      }
    }
    return lines;
  }

  Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  Optional<Stage> stage(String name) {
    return stages.stream().filter(stage -> stage.name().equals(Optional.of(name))).findFirst();
  }
}
