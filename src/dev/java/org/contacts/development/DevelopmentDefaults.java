package org.contacts.development;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The development build's defaults for the run command: the embedded datastore, the API open
 * without tokens, no priming before readiness, and a change feed cursor key. A default only: this source ranks below every other one (the environment, system
 * properties, server.xml variables, META-INF/microprofile-config.properties), so a setting given
 * anywhere else wins, such as an exported CONTACTS_AUTH_MODE=jwt or MONGO_URI. Registered in
 * META-INF/services, which only the development build holds.
 */
public final class DevelopmentDefaults implements ConfigSource {

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "mongo.embedded",
          "true",
          "contacts.auth.mode",
          "none",
          // The run command starts without priming, so a developer gets the prompt; the log says so.
          "contacts.priming.enabled",
          "false",
          // A well-known key, so that cursors survive a restart of the run command; production has
          // none unless the operator sets one (docs/configuration.md).
          "contacts.changes.cursor-key",
          "development-only-change-feed-cursor-key");

  @Override
  public Set<String> getPropertyNames() {
    return DEFAULTS.keySet();
  }

  @Override
  public String getValue(String key) {
    return DEFAULTS.get(key);
  }

  @Override
  public String getName() {
    return "development defaults";
  }

  @Override
  public int getOrdinal() {
    return 0;
  }
}
