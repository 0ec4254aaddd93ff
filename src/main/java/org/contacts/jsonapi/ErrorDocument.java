package org.contacts.jsonapi;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** Builds the top-level JSON:API document that carries error objects. */
public final class ErrorDocument {

  private ErrorDocument() {}

  /**
   * @param base where the service's links start (see {@link Documents}), for the describedby link
   */
  public static JsonObject of(String base, List<ErrorObject> errors) {
    JsonArrayBuilder array = JsonBuilders.array();
    errors.forEach(error -> array.add(error.toJson()));
    return JsonBuilders.object()
        .add("jsonapi", Documents.JSONAPI_OBJECT)
        .add("links", Documents.links(base, null))
        .add("errors", array)
        .build();
  }

  /**
   * The HTTP status of a response carrying these errors: theirs when they agree, otherwise the
   * general status of the most severe class, as the specification recommends.
   */
  public static int statusOf(List<ErrorObject> errors) {
    int first = errors.get(0).status();
    if (errors.stream().allMatch(error -> error.status() == first)) {
      return first;
    }
    boolean anyServerError = errors.stream().anyMatch(error -> error.status() >= 500);
    return anyServerError ? 500 : 400;
  }
}
