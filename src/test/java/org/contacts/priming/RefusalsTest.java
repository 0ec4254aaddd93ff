package org.contacts.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.junit.jupiter.api.Test;

/** Priming rides out a busy service and a slow datastore, and gives up on an unreachable one. */
class RefusalsTest {

  private final Refusals refusals = new Refusals();

  @Test
  void busyAndSlowAreRiddenOutAndTheLogSaysHowMany() {
    assertTrue(refusals.rideOut(Kind.OVERLOADED), "overloaded: the service is busy");
    assertTrue(refusals.rideOut(Kind.OVERLOADED), "again");
    assertTrue(refusals.rideOut(Kind.TOO_SLOW), "too slow: the datastore still answers");

    assertEquals(
        "; it rode out 3 refusals of a busy service or a slow datastore (too_slow 1, overloaded 2)",
        refusals.summary());
  }

  @Test
  void anUnreachableDatastoreOrA503OfNoKnownKindEndsPrimingAndIsNotCounted() {
    assertFalse(refusals.rideOut(Kind.UNREACHABLE), "unreachable ends priming");
    assertFalse(refusals.rideOut(null), "a 503 without a known code ends priming");
    assertEquals("", refusals.summary(), "nothing ridden out, nothing said");
  }

  @Test
  void theKindIsReadFromTheFirstErrorsCode() {
    String refusal =
        "{\"errors\":[{\"status\":\"503\",\"code\":\"overloaded\","
            + "\"title\":\"Service is overloaded\"}]}";
    assertEquals(Kind.OVERLOADED, Kind.ofTag(PrimingSteps.firstError(refusal, "code")));
    assertEquals(null, PrimingSteps.firstError("<html>Service Unavailable</html>", "code"));
    assertEquals(null, Kind.ofTag(PrimingSteps.firstError("{\"errors\":[]}", "code")));
  }
}
