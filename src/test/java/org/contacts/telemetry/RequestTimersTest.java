package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which method tags the request metrics carry. */
class RequestTimersTest {

  @ParameterizedTest(name = "{0} is tagged {1}")
  @CsvSource({
    "GET, GET",
    "PATCH, PATCH",
    "OPTIONS, OPTIONS",
    "get, OTHER",
    "FOO, OTHER",
    "'', OTHER"
  })
  void metricsTagOnlyHttpsOwnMethods(String method, String tag) {
    assertEquals(tag, RequestTimers.methodTag(method));
  }
}
