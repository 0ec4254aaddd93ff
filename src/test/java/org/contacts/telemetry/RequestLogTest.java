package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

/** The request log line, with and without tracing. */
class RequestLogTest {

  @Test
  void requestLineWithoutTracingNamesNoTrace() {
    RequestTelemetry telemetry = RequestTelemetry.begin("req-1", null, System.nanoTime());
    try {
      assertEquals(
          "GET /contacts/abc 404 1234us requestId=req-1",
          RequestLog.line("GET", "/contacts/abc", 404, 1_234_567, telemetry, null),
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
    RequestTelemetry telemetry = RequestTelemetry.begin("req-2", span, System.nanoTime());
    try {
      assertEquals(
          "POST /contacts 201 50us requestId=req-2"
              + " traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7 caller=ann",
          RequestLog.line("POST", "/contacts", 201, 50_000, telemetry, "ann"),
          "the ids follow the request id, and the caller ends the line");
    } finally {
      RequestTelemetry.end();
    }
  }
}
