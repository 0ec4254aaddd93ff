package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTelemetryFilterTest {

  @ParameterizedTest(name = "{0} ns in the datastore, {1} ns in all")
  @CsvSource({
    "0,         1000,          'db;desc=\"MongoDB\";dur=0.000, app;dur=0.001'",
    "583000,    11044000,      'db;desc=\"MongoDB\";dur=0.583, app;dur=11.044'",
    "7499,      60050,         'db;desc=\"MongoDB\";dur=0.007, app;dur=0.060'",
    "1500,      1234567890123, 'db;desc=\"MongoDB\";dur=0.002, app;dur=1234567.890'",
  })
  void serverTimingGivesMillisecondsWithThreeDecimals(
      long datastoreNanos, long totalNanos, String expected) {
    assertEquals(expected, RequestTelemetryFilter.serverTiming(datastoreNanos, totalNanos));
  }

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
    assertEquals(tag, RequestTelemetryFilter.methodTag(method));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "filter%5Bq%5D=mar          | filter%5Bq%5D=REDACTED",
        "filter[email]=a@b.org&sort=lastName | filter[email]=REDACTED&sort=REDACTED",
        "page[size]=                | page[size]=REDACTED",
        "flag                       | flag",
      })
  void tracedQueriesKeepParameterNamesButNoValues(String query, String expected) {
    assertEquals(expected, RequestTelemetryFilter.redacted(query.strip()));
  }

  @Test
  void requestLineWithoutTracingNamesNoTrace() {
    RequestTelemetry telemetry = RequestTelemetry.begin("req-1", null);
    try {
      assertEquals(
          "GET /contacts/abc 404 1234us requestId=req-1",
          RequestTelemetryFilter.requestLine(
              "GET", "/contacts/abc", 404, 1_234_567, telemetry, null),
          "the line is as it was before tracing");
    } finally {
      RequestTelemetry.end();
    }
  }

  @Test
  void requestLineOfATracedRequestNamesItsTraceAndSpan() {
    Span span =
        Span.wrap(
            SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
    RequestTelemetry telemetry = RequestTelemetry.begin("req-2", span);
    try {
      assertEquals(
          "POST /contacts 201 50us requestId=req-2"
              + " traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7 caller=ann",
          RequestTelemetryFilter.requestLine("POST", "/contacts", 201, 50_000, telemetry, "ann"),
          "the ids follow the request id, and the caller ends the line");
    } finally {
      RequestTelemetry.end();
    }
  }

  @Test
  void generatedRequestIdsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestTelemetryFilter.newRequestId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id + " is a random (version 4) UUID");
      assertEquals(2, uuid.variant(), id + " has the IETF variant");
      assertEquals(uuid.toString(), id, "in the canonical form");
      assertTrue(seen.add(id), "no id repeats: " + id);
    }
  }
}
