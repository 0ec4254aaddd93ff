package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Server-Timing header tells a client. */
class ServerTimingTest {

  @ParameterizedTest(name = "{0} ns in the datastore, {1} ns in all")
  @CsvSource({
    "0,         1000,          'db;desc=\"MongoDB\";dur=0.000, app;dur=0.001'",
    "583000,    11044000,      'db;desc=\"MongoDB\";dur=0.583, app;dur=11.044'",
    "7499,      60050,         'db;desc=\"MongoDB\";dur=0.007, app;dur=0.060'",
    "1500,      1234567890123, 'db;desc=\"MongoDB\";dur=0.002, app;dur=1234567.890'",
  })
  void serverTimingGivesMillisecondsWithThreeDecimals(
      long datastoreNanos, long totalNanos, String expected) {
    assertEquals(expected, ServerTiming.of(datastoreNanos, totalNanos));
  }
}
