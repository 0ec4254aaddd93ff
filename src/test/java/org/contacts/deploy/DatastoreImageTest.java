package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contacts.deploy.Dockerfile.Instruction;
import org.contacts.deploy.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

class DatastoreImageTest {

  private static final String IMPORT_SCRIPT = "datastore/import-contacts.sh";

  private final Dockerfile dockerfile = Dockerfile.read("datastore/Dockerfile");
  private final Stage mongo = dockerfile.finalStage();

  @Test
  void copiesOnlyFilesOfTheBuildContext() {
    BuildContext.assertCopySourcesExist(dockerfile);
  }

  @Test
  void importsTheFileThatTheGenerateStageWrites() {
    Instruction seed = copy(true);
    Stage generate = dockerfile.stage(seed.flag("from").orElseThrow()).orElseThrow();
    String generated = seed.sources().get(0);

    assertTrue(
        generate.all("RUN").stream().anyMatch(run -> run.words().contains(generated)),
        "the stage " + generate.name().orElseThrow() + " should generate " + generated);
    assertTrue(
        ProjectFiles.read(IMPORT_SCRIPT).contains(seed.destination()),
        IMPORT_SCRIPT + " should import " + seed.destination() + ", where the image puts it");
    assertTrue(
        copy(false).destination().startsWith("/docker-entrypoint-initdb.d"),
        "the import script should go to /docker-entrypoint-initdb.d/, run on first start");
  }

  @Test
  void importsIntoTheServicesDefaultDatabaseAndCollection() {
    ConfigSettings settings = new ConfigSettings();
    String script = ProjectFiles.read(IMPORT_SCRIPT);

    for (String variable : new String[] {"MONGO_DATABASE", "MONGO_COLLECTION"}) {
      Matcher fallback = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(script);
      assertTrue(fallback.find(), IMPORT_SCRIPT + " should read " + variable + " with a default");
      assertEquals(
          settings.defaultOf(variable),
          Optional.of(fallback.group(1)),
          IMPORT_SCRIPT + " should default " + variable + " as the service does");
    }
  }

  private Instruction copy(boolean fromStage) {
    return mongo.all("COPY").stream()
        .filter(copy -> copy.flag("from").isPresent() == fromStage)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the mongo stage should have that COPY"));
  }
}
