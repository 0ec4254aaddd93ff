package org.contacts.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.util.regex.Pattern;

/**
 * Liberty's server span records the query string, and a search's query holds what a contact is
 * searched by (a name, an email): personal data, which spans do not carry. The names of the
 * parameters stay, their values go.
 */
final class TracedQueries {

  private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
  private static final Pattern QUERY_VALUE = Pattern.compile("=[^&]*");

  private TracedQueries() {}

  /** Replaces the span's query attribute by its redacted form; a request without query is left. */
  static void redact(Span span, String query) {
    if (query != null) {
      span.setAttribute(URL_QUERY, redacted(query));
    }
  }

  static String redacted(String query) {
    return QUERY_VALUE.matcher(query).replaceAll("=REDACTED");
  }
}
