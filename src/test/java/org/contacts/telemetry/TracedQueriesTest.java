package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a span keeps of a query string. */
class TracedQueriesTest {

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
    assertEquals(expected, TracedQueries.redacted(query.strip()));
  }
}
