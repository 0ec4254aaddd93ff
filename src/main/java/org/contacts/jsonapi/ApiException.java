package org.contacts.jsonapi;

import java.util.List;
import java.util.Map;

/**
 * A failure that the client should see as JSON:API error objects. The response status is the one
 * the errors share, or the most general one for their class (400 or 500) when they differ.
 */
public class ApiException extends RuntimeException {

  private final List<ErrorObject> errors;
  private final Map<String, String> headers;

  public ApiException(ErrorObject error) {
    this(List.of(error), Map.of());
  }

  public ApiException(List<ErrorObject> errors) {
    this(errors, Map.of());
  }

  public ApiException(List<ErrorObject> errors, Map<String, String> headers) {
    super(errors.isEmpty() ? "no errors" : errors.get(0).title(), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an ApiException needs at least one error");
    }
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public List<ErrorObject> errors() {
    return errors;
  }

  /** Response headers that come with these errors, such as Retry-After or Allow. */
  public Map<String, String> headers() {
    return headers;
  }

  public int status() {
    return ErrorDocument.statusOf(errors);
  }
}
