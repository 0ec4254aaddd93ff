package org.contacts.health;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.contacts.datastore.DatastoreInitializer;
import org.contacts.datastore.DatastoreNotConfiguredException;

/**
 * Asks MongoDB whether it answers, timing the round trip. The wait is bounded by the client's
 * server-selection timeout, so a probe during an outage answers DOWN rather than hanging.
 */
@ApplicationScoped
public class DatastoreProbe {

  private static final Document PING = new Document("ping", 1);

  @Inject MongoClient client;
  @Inject DatastoreInitializer initializer;

  /** The outcome of one probe: whether MongoDB answered, how fast, and why not. */
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
      return new Result(false, -1, "MongoDB did not answer: " + e.getClass().getSimpleName());
    }
  }
}
