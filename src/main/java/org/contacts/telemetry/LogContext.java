package org.contacts.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Puts the request id, and when tracing is on the trace and span ids of Liberty's server span, on
 * every log line written while the request is served (fields of the JSON log format).
 */
final class LogContext {

  private static final String REQUEST_ID = "requestId";
  private static final String TRACE_ID = "traceId";
  private static final String SPAN_ID = "spanId";

  private LogContext() {}

  /** From now on this thread's log lines carry these ids; {@code trace} is null when untraced. */
  static void begin(String requestId, SpanContext trace) {
    LogRecordContext.addExtension(REQUEST_ID, requestId);
    if (trace != null) {
      LogRecordContext.addExtension(TRACE_ID, trace.getTraceId());
      LogRecordContext.addExtension(SPAN_ID, trace.getSpanId());
    }
  }

  static void end(boolean traced) {
    LogRecordContext.removeExtension(REQUEST_ID);
    if (traced) {
      LogRecordContext.removeExtension(TRACE_ID);
      LogRecordContext.removeExtension(SPAN_ID);
    }
  }
}
