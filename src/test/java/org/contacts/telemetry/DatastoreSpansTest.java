package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bson.BsonDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatastoreSpansTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "find     | {find: 'contacts', filter: {email: 'ann@example.org'}, limit: 1} | contacts",
        "insert   | {insert: 'contacts', documents: [{firstName: 'Ann'}]}            | contacts",
        "update   | {update: 'contacts', updates: [{q: {_id: 1}, u: {x: 'y'}}]}      | contacts",
        "delete   | {delete: 'contacts', deletes: [{q: {lastName: 'Lee'}}]}          | contacts",
        "aggregate| {aggregate: 'contacts', pipeline: [{$match: {city: 'Oslo'}}]}     | contacts",
        "getMore  | {getMore: {$numberLong: '12345'}, collection: 'contacts'}        | contacts",
      })
  void collectionIsTheCommandsTargetAndNothingElse(String command, String json, String expected) {
    assertEquals(
        expected,
        DatastoreSpans.collection(command.strip(), BsonDocument.parse(json)),
        "the collection of " + json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"ping | {ping: 1}", "hello | {hello: 1, client: 'x'}"})
  void commandsWithoutACollectionHaveNone(String command, String json) {
    assertNull(DatastoreSpans.collection(command.strip(), BsonDocument.parse(json)), json);
  }
}
