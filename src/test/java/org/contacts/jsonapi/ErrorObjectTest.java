package org.contacts.jsonapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorObjectTest {

  private static JsonObject rendered(ErrorObject error) {
    return ErrorDocument.of("http://localhost", List.of(error))
        .getJsonArray("errors")
        .getJsonObject(0);
  }

  @Test
  void statusIsSentAsAStringWithTitleAndDetail() {
    JsonObject error = rendered(ErrorObject.of(409, "Contact already exists", "Pick another id."));

    assertEquals(
        "409", error.getString("status"), "JSON:API wants the status as a string: " + error);
    assertEquals("Contact already exists", error.getString("title"), "title");
    assertEquals("Pick another id.", error.getString("detail"), "detail");
  }

  @Test
  void membersThatWereNotGivenAreLeftOut() {
    JsonObject error = rendered(ErrorObject.of(500, "Internal error", null));

    assertEquals(
        List.of("status", "title"), List.copyOf(error.keySet()), "only status and title: " + error);
  }

  @Test
  void sourcePointsAtTheMemberParameterOrHeaderAtFault() {
    ErrorObject base = ErrorObject.of(400, "Bad", null);

    assertEquals(
        Json.createObjectBuilder().add("pointer", "/data/attributes/email").build(),
        rendered(base.atPointer("/data/attributes/email")).getJsonObject("source"),
        "source.pointer");
    assertEquals(
        Json.createObjectBuilder().add("parameter", "page[size]").build(),
        rendered(base.atParameter("page[size]")).getJsonObject("source"),
        "source.parameter");
    assertEquals(
        Json.createObjectBuilder().add("header", "If-Match").build(),
        rendered(base.atHeader("If-Match")).getJsonObject("source"),
        "source.header");
  }

  @Test
  void sourceNamesOnlyTheLastPlaceGiven() {
    JsonObject source =
        rendered(ErrorObject.of(400, "Bad", null).atPointer("/data").atParameter("sort"))
            .getJsonObject("source");

    assertEquals(
        Json.createObjectBuilder().add("parameter", "sort").build(),
        source,
        "a source names one thing, the last one set");
  }

  @Test
  void codeAppearsWhenGivenAndSurvivesALaterSource() {
    JsonObject error =
        rendered(
            ErrorObject.of(503, "Service is overloaded", null)
                .withCode("overloaded")
                .atHeader("Accept"));

    assertEquals("overloaded", error.getString("code"), "code: " + error);
    assertEquals("Accept", error.getJsonObject("source").getString("header"), "source: " + error);
    assertFalse(
        rendered(ErrorObject.of(400, "Bad", null)).containsKey("code"),
        "no code unless one was given");
  }

  @Test
  void typeLinkIdAndMetaAppearAndSurviveALaterSource() {
    JsonObject meta =
        Json.createObjectBuilder()
            .add("page", Json.createObjectBuilder().add("maxSize", 100))
            .build();
    JsonObject error =
        rendered(
            ErrorObject.of(400, "Page size too large", null)
                .withId("e-1")
                .withType("https://example.org/errors/max-size-exceeded")
                .withMeta(meta)
                .atParameter("page[size]"));

    assertEquals("e-1", error.getString("id"), "id: " + error);
    assertEquals(
        "https://example.org/errors/max-size-exceeded",
        error.getJsonObject("links").getString("type"),
        "links.type: " + error);
    assertEquals(meta, error.getJsonObject("meta"), "meta: " + error);
    assertEquals(
        "page[size]", error.getJsonObject("source").getString("parameter"), "source: " + error);
    assertFalse(error.getJsonObject("links").containsKey("about"), "only the type link: " + error);
  }
}
