package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

  private final YamlNode services = ProjectFiles.yaml("compose.yaml").get("services");
  private final YamlNode contacts = services.get("contacts");
  private final YamlNode mongodb = services.get("mongodb");

  @Test
  void contactsReachesMongodbByItsServiceName() {
    URI uri = URI.create(environment().getOrDefault("MONGO_URI", ""));

    assertEquals("mongodb", uri.getScheme(), contacts.path() + " MONGO_URI should be set");
    assertEquals("mongodb", uri.getHost(), "MONGO_URI should name the mongodb service: " + uri);
    assertFalse(
        environment().containsKey("MONGO_EMBEDDED"),
        contacts.path() + " should use MongoDB, not the embedded datastore");
  }

  @Test
  void contactsWaitsUntilMongodbIsHealthy() {
    assertEquals(
        "service_healthy",
        contacts.get("depends_on", "mongodb", "condition").text(),
        contacts.path() + " should start once mongodb is healthy");
    String check =
        mongodb.get("healthcheck", "test").items().stream()
            .map(YamlNode::text)
            .collect(Collectors.joining(" "));
    assertTrue(check.contains("ping"), mongodb.path() + " health check should ping: " + check);
  }

  @Test
  void contactsPublishesTheServersHttpPort() {
    List<String> ports = contacts.get("ports").items().stream().map(YamlNode::text).toList();

    assertTrue(
        ports.stream().anyMatch(p -> p.endsWith(":" + new ServerConfig().httpPort())),
        contacts.path() + " should publish the default of http.port: " + ports);
  }

  @Test
  void buildsFromDockerfilesThatExist() {
    String mongodbDockerfile =
        mongodb.get("build", "context").text() + "/" + mongodb.get("build", "dockerfile").text();

    assertTrue(
        Files.isRegularFile(ProjectFiles.path(contacts.get("build").text()).resolve("Dockerfile")),
        contacts.path() + " should build from a directory with a Dockerfile");
    assertTrue(
        Files.isRegularFile(ProjectFiles.path(mongodbDockerfile)),
        mongodb.path() + " should build from " + mongodbDockerfile + ", which should exist");
  }

  private Map<String, String> environment() {
    return contacts.get("environment").entries().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().text()));
  }
}
