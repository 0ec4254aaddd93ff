package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.contacts.deploy.Dockerfile.Instruction;
import org.contacts.deploy.Dockerfile.Stage;

/** The repository root as the build context of both Dockerfiles, narrowed by .dockerignore. */
final class BuildContext {

  private BuildContext() {}

  /** Every COPY without --from names files that exist and that .dockerignore lets through. */
  static void assertCopySourcesExist(Dockerfile dockerfile) {
    DockerIgnore ignore = new DockerIgnore();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction copy : stage.all("COPY")) {
        if (copy.flag("from").isPresent()) {
          continue;
        }
        for (String source : copy.sources()) {
          assertTrue(
              Files.exists(ProjectFiles.path(source)),
              dockerfile.file() + ": " + copy.line() + " copies " + source + ", which is missing");
          assertFalse(
              ignore.excludes(source),
              dockerfile.file()
                  + ": "
                  + copy.line()
                  + " copies "
                  + source
                  + ", which .dockerignore leaves out of the build context");
        }
      }
    }
  }
}
