package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Kubernetes objects that kubernetes/kustomization.yaml applies. */
final class Manifests {

  static final String DIRECTORY = "kubernetes";
  static final String KUSTOMIZATION = DIRECTORY + "/kustomization.yaml";

  private final List<YamlNode> objects = new ArrayList<>();

  Manifests() {
    for (String resource : resources()) {
      objects.addAll(ProjectFiles.yamlDocuments(DIRECTORY + "/" + resource));
    }
  }

  static List<String> resources() {
    return ProjectFiles.yaml(KUSTOMIZATION).get("resources").items().stream()
        .map(YamlNode::text)
        .toList();
  }

  List<YamlNode> all(String kind) {
    return objects.stream().filter(o -> o.get("kind").text().equals(kind)).toList();
  }

  /** The one object of a kind, where the manifests have exactly one. */
  YamlNode single(String kind) {
    List<YamlNode> found = all(kind);
    assertEquals(1, found.size(), "the manifests should have exactly one " + kind);
    return found.get(0);
  }

  YamlNode named(String kind, String name) {
    return all(kind).stream()
        .filter(o -> o.get("metadata", "name").text().equals(name))
        .findFirst()
        .orElseGet(() -> fail("the manifests should have a " + kind + " named " + name));
  }

  /**
   * Whether a label selector's matchLabels (or a Service's selector) select pods with these labels.
   */
  static boolean selects(YamlNode selector, YamlNode podLabels) {
    Map<String, YamlNode> labels = podLabels.entries();
    return !selector.entries().isEmpty()
        && selector.entries().entrySet().stream()
            .allMatch(
                e ->
                    labels.containsKey(e.getKey())
                        && labels.get(e.getKey()).text().equals(e.getValue().text()));
  }
}
