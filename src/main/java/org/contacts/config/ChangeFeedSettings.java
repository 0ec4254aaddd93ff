package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the change feed and its live stream, under {@code contacts.changes.*}. */
@ApplicationScoped
public class ChangeFeedSettings {

  /** The development default of the cursor key; production sets its own (docs/configuration.md). */
  public static final String DEVELOPMENT_KEY = "development-only-change-feed-cursor-key";

  @Inject
  @ConfigProperty(name = "contacts.changes.cursor-key", defaultValue = DEVELOPMENT_KEY)
  String cursorKey;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.max-clients", defaultValue = "100")
  int maxLiveClients;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.heartbeat-ms", defaultValue = "15000")
  long heartbeatMillis;

  @Inject
  @ConfigProperty(name = "contacts.changes.live.queue", defaultValue = "256")
  int liveQueue;

  /** The key that signs feed cursors; every instance on one datastore needs the same. */
  public String cursorKey() {
    return cursorKey;
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
