package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator finds every setting the service reads in docs/configuration.md. */
class ConfigurationDocumentedTest {

  private static final String GUIDE = "docs/configuration.md";

  @Test
  void everySettingTheServiceReadsHasARowInTheConfigurationGuide() {
    Map<String, String> settings = ProjectFiles.settings();
    assertTrue(settings.containsKey("MONGO_MIN_POOL_SIZE"), () -> "the settings read: " + settings);
    String guide = ProjectFiles.read(GUIDE);
    List<String> missing =
        settings.keySet().stream().filter(name -> !guide.contains("`" + name + "`")).toList();
    assertEquals(
        List.of(), missing, GUIDE + " names each setting in its environment spelling, in a row");
  }
}
