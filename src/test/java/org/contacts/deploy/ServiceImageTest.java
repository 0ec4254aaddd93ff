package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.contacts.deploy.Dockerfile.Instruction;
import org.contacts.deploy.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

class ServiceImageTest {

  private final Dockerfile dockerfile = Dockerfile.read("Dockerfile");
  private final Stage liberty = dockerfile.finalStage();

  @Test
  void copiesOnlyFilesOfTheBuildContextAndTheWarOfTheBuildStage() {
    BuildContext.assertCopySourcesExist(dockerfile);
    Instruction war = war();
    Stage build = dockerfile.stage(war.flag("from").orElseThrow()).orElseThrow();

    assertTrue(
        war.sources().get(0).endsWith("/" + ProjectFiles.warPath()),
        war.line() + " should copy the WAR that mvn package writes, " + ProjectFiles.warPath());
    assertTrue(
        build.all("RUN").stream().anyMatch(run -> run.words().contains("package")),
        "the stage " + build.name().orElseThrow() + " should run mvn package");
  }

  @Test
  void deploysTheWarAfterInstallingFeaturesAndBeforeConfiguring() {
    Instruction war = war();
    String destination = war.destination();
    int features = indexOfRun("features.sh");
    int configure = indexOfRun("configure.sh");

    assertTrue(
        destination.startsWith("/config/dropins")
            || (destination.startsWith("/config/apps") && new ServerConfig().declaresApplication()),
        war.line()
            + " should deploy to /config/dropins/, or to /config/apps/ declared in server.xml");
    assertTrue(
        features < liberty.indexOf(war) && liberty.indexOf(war) < configure,
        "features.sh, then the WAR, then configure.sh (which warms the class cache with the app)");
  }

  @Test
  void runsLibertyOfThePomsVersionAsUser1001OnTheServersHttpPort() {
    List<Instruction> users = liberty.all("USER");
    String version = ProjectFiles.pomProperty("liberty.runtime.version");

    assertTrue(
        liberty.image().startsWith("icr.io/appcafe/open-liberty:" + version + "-kernel-slim-"),
        liberty.image() + " should be kernel-slim of liberty.runtime.version " + version);
    assertEquals(
        "1001", users.get(users.size() - 1).words().get(0), "the image should run as user 1001");
    assertEquals(
        List.of(String.valueOf(new ServerConfig().httpPort())),
        liberty.all("EXPOSE").stream().flatMap(e -> e.words().stream()).toList(),
        "the image should expose the default of http.port in " + ServerConfig.FILE);
  }

  @Test
  void neverEnablesTheEmbeddedDatastore() throws IOException {
    assertFalse(
        mentionsEmbedded(ProjectFiles.read("Dockerfile")),
        "the Dockerfile should not set MONGO_EMBEDDED: the image must need MONGO_URI");
    try (Stream<Path> files = Files.walk(ProjectFiles.path("src/main/liberty/config"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            mentionsEmbedded(Files.readString(file)),
            file + " is copied into the image and should not enable the embedded datastore");
      }
    }
  }

  private static boolean mentionsEmbedded(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("mongo_embedded") || lower.contains("mongo.embedded");
  }

  private Instruction war() {
    return liberty.all("COPY").stream()
        .filter(copy -> copy.flag("from").isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the final stage should copy the WAR from a stage"));
  }

  private int indexOfRun(String script) {
    return liberty.all("RUN").stream()
        .filter(run -> run.words().contains(script))
        .mapToInt(liberty::indexOf)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the final stage should RUN " + script));
  }
}
