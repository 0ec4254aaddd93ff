package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.DeployedServiceBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A generic JSON:API client library, kitsu, uses the service without adaptation: it lists, pages,
 * sorts, filters, selects fields, creates, updates and deletes (src/test/jsonapi-client).
 */
class JsonApiClientLibraryIT extends DeployedServiceBase {

  private static final Path CLIENT = Path.of("src/test/jsonapi-client");

  @Test
  void kitsuUsesTheServiceWithoutAdaptation() throws IOException, InterruptedException {
    assumeTrue(
        Files.isDirectory(CLIENT.resolve("node_modules/kitsu")),
        "needs Node.js and `npm ci --prefix src/test/jsonapi-client` (.ci/run does it)");
    Process node =
        new ProcessBuilder("node", "client.mjs", Api.BASE.toString())
            .directory(CLIENT.toFile())
            .redirectErrorStream(true)
            .start();
    boolean finished = node.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly();
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(finished, "the client finished");
    assertEquals(0, node.exitValue(), () -> "the client's checks: " + output);
    assertTrue(output.contains("\"ok\":true"), () -> "the client reports success: " + output);
  }
}
