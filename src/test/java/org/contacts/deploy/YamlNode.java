package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node of a parsed YAML document that names its path when it is missing or of the wrong kind. */
final class YamlNode {

  private final Object value;
  private final String path;

  private YamlNode(Object value, String path) {
    this.value = value;
    this.path = path;
  }

  static YamlNode root(Object value, String source) {
    return new YamlNode(value, source + ":");
  }

  private String child(String step) {
    if (path.endsWith(":")) {
      return path + " " + step;
    }
    return step.startsWith("[") ? path + step : path + "." + step;
  }

  String path() {
    return path;
  }

  /** The node at these keys below this one; fails when one is missing. */
  YamlNode get(String... keys) {
    YamlNode node = this;
    for (String key : keys) {
      node = node.find(key).orElseGet(() -> fail(path + " should have " + String.join(".", keys)));
    }
    return node;
  }

  Optional<YamlNode> find(String key) {
    Object found = map().get(key);
    return found == null ? Optional.empty() : Optional.of(new YamlNode(found, child(key)));
  }

  Map<String, YamlNode> entries() {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    map()
        .forEach(
            (key, item) ->
                entries.put(String.valueOf(key), new YamlNode(item, child(String.valueOf(key)))));
    return entries;
  }

  List<YamlNode> items() {
    if (!(value instanceof List<?> list)) {
      return fail(path + " should be a list");
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(new YamlNode(list.get(i), child("[" + i + "]")));
    }
    return items;
  }

  /** A scalar as text: numbers and booleans as YAML wrote them. */
  String text() {
    if (value instanceof Map || value instanceof List) {
      return fail(path + " should be a scalar");
    }
    return String.valueOf(value);
  }

  int integer() {
    if (!(value instanceof Integer number)) {
      return fail(path + " should be an integer, not " + value);
    }
    return number;
  }

  private Map<?, ?> map() {
    if (!(value instanceof Map<?, ?> map)) {
      return fail(path + " should be a mapping");
    }
    return map;
  }
}
