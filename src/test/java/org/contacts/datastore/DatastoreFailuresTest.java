package org.contacts.datastore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Which failures a client sees as "try again later" (503) rather than as an error of ours. */
class DatastoreFailuresTest {

  private static final ServerAddress SERVER = new ServerAddress("db.example.com", 27017);

  @Test
  void anUnreachableOrSwitchingDatastoreIsUnavailable() {
    List<Throwable> outages =
        List.of(
            new MongoTimeoutException("no server selected"),
            new MongoSocketReadException("connection reset", SERVER),
            new MongoNotPrimaryException(new BsonDocument(), SERVER),
            new MongoNodeIsRecoveringException(new BsonDocument(), SERVER),
            new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), SERVER), new MongoTimeoutException("cleared")));
    for (Throwable outage : outages) {
      assertTrue(
          DatastoreFailures.isUnavailable(outage),
          () -> outage.getClass().getSimpleName() + " means the datastore is unavailable");
    }
  }

  @Test
  void otherFailuresAreNotMistakenForAnOutage() {
    List<Throwable> others =
        List.of(
            new MongoException(11000, "E11000 duplicate key error"),
            new MongoExecutionTimeoutException(50, "operation exceeded time limit"),
            new IllegalStateException("a bug"));
    for (Throwable other : others) {
      assertFalse(
          DatastoreFailures.isUnavailable(other),
          () -> other.getClass().getSimpleName() + " is no outage");
    }
  }
}
