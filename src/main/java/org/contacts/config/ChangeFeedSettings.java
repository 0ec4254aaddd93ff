package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the change feed and its live stream, under {@code contacts.changes.*}. */
@ApplicationScoped
public class ChangeFeedSettings {

  // No default: a key every process of a deployment shares is the operator's to choose (a Secret).
  // The development build supplies one of its own (DevelopmentDefaults).
  @Inject
  @ConfigProperty(name = "contacts.changes.cursor-key")
  Optional<String> cursorKey;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.max-clients", defaultValue = "100")
  int maxLiveClients;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.heartbeat-ms", defaultValue = "15000")
  long heartbeatMillis;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.queue", defaultValue = "256")
  int liveQueue;

  /**
   * The key that signs feed cursors, which every instance on one datastore needs the same; empty
   * when none is set, and then the change feed is refused.
   */
  public Optional<String> cursorKey() {
    return cursorKey.filter(key -> !key.isBlank());
  }

  /** Live clients one instance serves at once; the next is refused with 503. */
  public int maxLiveClients() {
    return maxLiveClients;
  }

  /** How often an idle live stream sends a comment, to keep proxies from closing it. */
  public long heartbeatMillis() {
    return heartbeatMillis;
  }

  /** Events waiting for one live client; a client that falls further behind is dropped. */
  public int liveQueue() {
    return liveQueue;
  }
}
