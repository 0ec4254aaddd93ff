package it.org.contacts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import it.org.contacts.support.Api;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.TestDatastore;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The integration tests run on a real MongoDB when asked to ({@code -Dit.datastore=testcontainers},
 * where a Docker engine is available). Disabled otherwise, with the reason, so that a run that
 * asked for a real MongoDB and got the embedded datastore says so beside the warning in its log.
 */
@EnabledIf(
    value = "it.org.contacts.support.TestDatastore#isRealMongoDb",
    disabledReason =
        "the integration tests ran on the embedded datastore: -Dit.datastore=testcontainers runs"
            + " them on a real MongoDB where a Docker engine is available")
class RealMongoDbIT extends DeployedServiceBase {

  @Test
  void serviceStoresItsContactsInTheMongoDbOfTestcontainers() {
    String version = TestDatastore.serverVersion();
    String id = Api.createContact(Map.of("firstName", "Real", "lastName", "MongoDB"));
    try {
      assertTrue(
          TestDatastore.MONGO_IMAGE.endsWith(":" + version.substring(0, 3)),
          () -> "the datastore is " + TestDatastore.MONGO_IMAGE + ", not MongoDB " + version);
      assertEquals(
          1,
          TestDatastore.contacts().countDocuments(Filters.eq("_id", new ObjectId(id))),
          "the service stored the contact in the MongoDB of Testcontainers");
    } finally {
      Api.deleteContact(id);
    }
  }
}
