package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoTimeoutException;
import java.util.HashSet;
import java.util.Set;
import org.contacts.datastore.DatastoreTestSettings;
import org.contacts.datastore.DatastoreUnavailableException;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.junit.jupiter.api.Test;

/** A client can tell an unreachable datastore from a slow one from an overloaded service. */
class DatastoreErrorsTest {

  private final DatastoreErrors errors = new DatastoreErrors();

  DatastoreErrorsTest() {
    errors.settings = DatastoreTestSettings.of(2000, 48);
  }

  @Test
  void eachKindIsA503WithRetryAfterATitleOfItsOwnAndItsTagAsCode() {
    Set<String> titles = new HashSet<>();
    for (Kind kind : Kind.values()) {
      ApiException refusal = errors.of(new DatastoreUnavailableException(kind, null));
      ErrorObject error = refusal.errors().get(0);
      assertEquals(503, refusal.status(), kind + " is a 503");
      assertEquals("5", refusal.headers().get("Retry-After"), kind + " says when to retry");
      assertTrue(titles.add(error.title()), kind + " has a title of its own: " + error.title());
      assertEquals(kind.tag(), error.code(), kind + " says its kind to a program, as metrics do");
      assertTrue(error.detail().contains("try again in 5 seconds"), () -> error.detail());
    }
  }

  @Test
  void detailsSayTheDeadlineAndTheBound() {
    assertTrue(
        errors
            .of(new DatastoreUnavailableException(Kind.TOO_SLOW, null))
            .errors()
            .get(0)
            .detail()
            .contains("within 2000 ms"),
        "too slow names the deadline");
    assertTrue(
        errors
            .of(new DatastoreUnavailableException(Kind.OVERLOADED, null))
            .errors()
            .get(0)
            .detail()
            .contains("at most 48 at once"),
        "overloaded names the bound");
  }

  @Test
  void driverFailuresOutsideTheGateAreClassifiedByType() {
    assertEquals(
        "Datastore did not answer in time",
        errors.of(new MongoOperationTimeoutException("deadline")).errors().get(0).title(),
        "the driver's deadline is slowness");
    assertEquals(
        "Datastore is unreachable",
        errors.of(new MongoTimeoutException("no server")).errors().get(0).title(),
        "no server selected is an outage");
    assertNull(errors.of(new MongoException(11000, "duplicate key")), "a bug is no 503");
  }
}
