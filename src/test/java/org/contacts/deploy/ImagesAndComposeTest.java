package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfiles and compose.yaml against the pom, server.xml and the settings the code reads. */
class ImagesAndComposeTest {

  private final String dockerfile = ProjectFiles.read("Dockerfile");

  @Test
  void serviceImageRunsThePomsLibertyOnTheServersHttpPort() {
    String version = ProjectFiles.pom("liberty.runtime.version");
    assertTrue(
        dockerfile.contains("FROM icr.io/appcafe/open-liberty:" + version + "-kernel-slim-"),
        "the Dockerfile should run kernel-slim of liberty.runtime.version " + version);
    assertTrue(
        dockerfile.contains("\nEXPOSE " + ProjectFiles.serverVariable("http.port") + "\n"),
        "the Dockerfile should expose the default of http.port in " + ProjectFiles.SERVER_XML);
  }

  @Test
  void serviceImageShipsTheWarThatMavenBuilds() {
    String war = "/target/" + ProjectFiles.pom("finalName") + ".war ";
    assertTrue(
        Pattern.compile("COPY .*--from=\\S+ \\S*" + Pattern.quote(war)).matcher(dockerfile).find(),
        "the Dockerfile should copy the WAR that mvn package writes, target" + war);
  }

  @Test
  void serviceImageNeverEnablesTheEmbeddedDatastore() {
    for (String file : new String[] {"Dockerfile", ProjectFiles.SERVER_XML}) {
      String text = ProjectFiles.read(file).toLowerCase(Locale.ROOT);
      assertFalse(
          text.contains("mongo_embedded") || text.contains("mongo.embedded"),
          file + " goes into the image, which must need MONGO_URI");
    }
  }

  @Test
  void datastoreImageImportsIntoTheServicesDefaultDatabaseAndCollection() {
    String script = ProjectFiles.read("datastore/import-contacts.sh");
    Map<String, String> settings = ProjectFiles.settings();
    for (String variable : new String[] {"MONGO_DATABASE", "MONGO_COLLECTION"}) {
      Matcher fallback = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(script);
      assertTrue(fallback.find(), "import-contacts.sh should read " + variable + " with a default");
      assertEquals(
          settings.get(variable), fallback.group(1), variable + " as the service defaults it");
    }
  }

  @Test
  void composePublishesTheHttpPortAndSetsOnlySettingsTheServiceReads() {
    Object contacts =
        ProjectFiles.at(ProjectFiles.yaml("compose.yaml").get(0), "services", "contacts");
    String port = ProjectFiles.serverVariable("http.port");
    assertTrue(
        ProjectFiles.text(contacts, "ports").contains(":" + port),
        "compose.yaml should publish the default of http.port, " + port);
    Map<?, ?> environment = (Map<?, ?>) ProjectFiles.at(contacts, "environment");
    assertTrue(
        ProjectFiles.settings().keySet().containsAll(environment.keySet()),
        "compose.yaml sets "
            + environment.keySet()
            + "; the service reads "
            + ProjectFiles.settings().keySet());
  }

  @Test
  void composeGivesTheChangeFeedACursorKeyThatAnExportReplaces() {
    Object contacts =
        ProjectFiles.at(ProjectFiles.yaml("compose.yaml").get(0), "services", "contacts");
    assertTrue(
        ProjectFiles.text(contacts, "environment", "CONTACTS_CHANGES_CURSOR_KEY")
            .startsWith("${CONTACTS_CHANGES_CURSOR_KEY:-"),
        "the image has no cursor key, so compose gives one, which an exported one replaces");
  }
}
