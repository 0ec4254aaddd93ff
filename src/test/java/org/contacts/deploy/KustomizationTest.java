package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KustomizationTest {

  @Test
  void listsEveryManifestFileOfTheDirectoryAndNoOther() throws IOException {
    Set<String> files;
    try (Stream<Path> entries = Files.list(ProjectFiles.path(Manifests.DIRECTORY))) {
      files =
          entries
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
              .filter(name -> !name.equals("kustomization.yaml"))
              .collect(TreeSet::new, Set::add, Set::addAll);
    }
    List<String> resources = Manifests.resources();

    assertEquals(
        files,
        new TreeSet<>(resources),
        "kustomization.yaml resources should be exactly the manifest files in kubernetes/"
            + " (a file left out is never applied; a missing one fails kubectl apply -k)");
    assertEquals(
        resources.size(), Set.copyOf(resources).size(), "no resource should be listed twice");
  }
}
