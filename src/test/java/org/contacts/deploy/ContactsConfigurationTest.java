package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactsConfigurationTest {

  static final String MONGO_URI = "MONGO_URI";

  /**
   * Settings the service reads that are not for a ConfigMap: the URI is secret, the rest dev-only.
   */
  static final Set<String> NOT_FOR_CONFIG_MAP =
      Set.of(MONGO_URI, "MONGO_EMBEDDED", "MONGO_EMBEDDED_FILE", "MONGO_SEED_COUNT");

  private final Manifests manifests = new Manifests();
  private final YamlNode container =
      manifests.single("Deployment").get("spec", "template", "spec", "containers").items().get(0);

  @Test
  void mongoUriComesFromTheSecretKeyOfTheSameName() {
    List<YamlNode> env = container.get("env").items();
    YamlNode uri =
        env.stream()
            .filter(variable -> variable.get("name").text().equals(MONGO_URI))
            .findFirst()
            .orElseGet(() -> fail(container.path() + " should set " + MONGO_URI));
    YamlNode reference = uri.get("valueFrom", "secretKeyRef");
    YamlNode secret = manifests.named("Secret", reference.get("name").text());

    assertTrue(
        new ConfigSettings().environmentNames().containsKey(MONGO_URI),
        "the service should still read mongo.uri, which the environment spells " + MONGO_URI);
    assertEquals(MONGO_URI, reference.get("key").text(), reference.path() + ".key");
    YamlNode values = secret.find("stringData").orElseGet(() -> secret.get("data"));
    assertTrue(
        values.find(MONGO_URI).isPresent(), values.path() + " should hold the key " + MONGO_URI);
  }

  @Test
  void livenessProbeOutwaitsTheChecksOwnWaitForARequestThread() {
    String key = "CONTACTS_LIVENESS_POOL_TIMEOUT_MS";
    YamlNode data = configMap().get("data");
    String poolTimeout =
        data.find(key)
            .map(YamlNode::text)
            .or(() -> new ConfigSettings().defaultOf(key))
            .orElseGet(() -> fail("the service should still read " + key));
    int probeTimeout = container.get("livenessProbe", "timeoutSeconds").integer();

    assertTrue(
        probeTimeout * 1000L > Long.parseLong(poolTimeout),
        "the liveness probe's timeout ("
            + probeTimeout
            + " s) should exceed "
            + key
            + " ("
            + poolTimeout
            + " ms), or a busy pool fails the probe before the check can answer");
  }

  @Test
  void configMapHoldsOnlySettingsTheServiceReads() {
    YamlNode configMap = configMap();
    Set<String> known = new ConfigSettings().environmentNames().keySet();

    for (String key : configMap.get("data").entries().keySet()) {
      assertTrue(
          known.contains(key),
          configMap.path() + " key " + key + " should be a setting the service reads: " + known);
      assertFalse(
          NOT_FOR_CONFIG_MAP.contains(key),
          configMap.path() + " should not set " + key + " (secret or development only)");
    }
  }

  private YamlNode configMap() {
    YamlNode reference = container.get("envFrom").items().get(0).get("configMapRef");
    return manifests.named("ConfigMap", reference.get("name").text());
  }
}
