package org.contacts.jsonapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorDocumentTest {

  @Test
  void documentSaysItsJsonApiVersionAndListsEveryErrorInOrder() {
    JsonObject document =
        ErrorDocument.of(
            "http://localhost",
            List.of(
                ErrorObject.of(422, "Invalid email address", null)
                    .atPointer("/data/attributes/email"),
                ErrorObject.of(422, "Missing required attribute", null)
                    .atPointer("/data/attributes/lastName")));

    assertEquals("1.1", document.getJsonObject("jsonapi").getString("version"), "jsonapi.version");
    JsonArray errors = document.getJsonArray("errors");
    assertEquals(2, errors.size(), "one error object per error: " + document);
    assertEquals(
        "Invalid email address", errors.getJsonObject(0).getString("title"), "first error first");
    assertEquals(
        "Missing required attribute",
        errors.getJsonObject(1).getString("title"),
        "second error second");
    assertFalse(document.containsKey("data"), "an error document has no data: " + document);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "404, 404",
    "413, 413",
    "422 422, 422",
    "503 503, 503",
    "404 422, 400",
    "401 403 409, 400",
    "422 503, 500",
    "500 502, 500",
    "400 404 504, 500"
  })
  void responseStatusIsTheSharedOneOrTheGeneralOneOfTheMostSevereClass(
      String statuses, int expected) {
    List<ErrorObject> errors =
        Arrays.stream(statuses.split(" "))
            .map(status -> ErrorObject.of(Integer.parseInt(status), "Problem", null))
            .toList();

    assertEquals(expected, ErrorDocument.statusOf(errors), "status of errors " + statuses);
    assertEquals(
        expected,
        new ApiException(errors).status(),
        "an ApiException answers with the same status");
  }
}
