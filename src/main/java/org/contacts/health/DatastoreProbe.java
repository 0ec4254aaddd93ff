package org.contacts.health;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.contacts.datastore.DatastoreFailures;
import org.contacts.datastore.DatastoreGate;
import org.contacts.datastore.DatastoreInitializer;
import org.contacts.datastore.DatastoreNotConfiguredException;
import org.contacts.datastore.DatastoreSettings;

/**
 * Asks MongoDB whether it answers, timing the round trip. The wait is bounded by the client's
 * timeout (the request deadline), so a probe during an outage answers rather than hanging. A
 * prepared datastore that is only slow (the ping timed out, but the driver's monitor still hears
 * it) counts as up: docs/operations.md says why.
 */
@ApplicationScoped
public class DatastoreProbe {

  private static final Document PING = new Document("ping", 1);

  @Inject MongoClient client;
  @Inject DatastoreInitializer initializer;
  @Inject DatastoreGate gate;
  @Inject DatastoreSettings settings;

  /**
   * The outcome of one probe: whether MongoDB serves, how fast it answered (-1 when it did not),
   * and what is wrong (null when nothing is).
   */
  public record Result(boolean up, long pingMicros, String reason) {}

  public Result probe() {
    long start = System.nanoTime();
    try {
      client.getDatabase("admin").runCommand(PING);
      long micros = (System.nanoTime() - start) / 1_000;
      initializer.initialize();
      return new Result(true, micros, null);
    } catch (DatastoreNotConfiguredException e) {
      return new Result(false, -1, e.getMessage());
    } catch (MongoException e) {
      if (DatastoreFailures.isTimeout(e) && initializer.isInitialized() && gate.answers()) {
        return new Result(
            true,
            -1,
            "MongoDB is slow: it answers the driver's heartbeats, but not a ping within "
                + settings.timeoutMillis()
                + " ms");
      }
      return new Result(false, -1, "MongoDB did not answer: " + e.getClass().getSimpleName());
    }
  }
}
