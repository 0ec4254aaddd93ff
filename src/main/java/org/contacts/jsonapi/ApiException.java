package org.contacts.jsonapi;

import java.util.List;
import java.util.Map;

/**
 * A refusal that carries its whole answer: the HTTP status, the JSON:API error objects and the
 * response headers that come with them (a challenge, Retry-After, Allow). The status is the one the
 * errors share, or the most general one for their class (400 or 500) when they differ. The
 * exception mapper writes it out as it is and decides nothing.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final List<ErrorObject> errors;
  private final Map<String, String> headers;

  public ApiException(ErrorObject error) {
    this(List.of(error), Map.of());
  }

  public ApiException(List<ErrorObject> errors) {
    this(errors, Map.of());
  }

  public ApiException(ErrorObject error, Map<String, String> headers) {
    this(List.of(error), headers);
  }

  public ApiException(List<ErrorObject> errors, Map<String, String> headers) {
    super(errors.isEmpty() ? "no errors" : errors.get(0).title(), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an ApiException needs at least one error");
    }
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.status = ErrorDocument.statusOf(this.errors);
  }

  /** The response's status. */
  public int status() {
    return status;
  }

  public List<ErrorObject> errors() {
    return errors;
  }

  /** Response headers that come with these errors, such as Retry-After or Allow. */
  public Map<String, String> headers() {
    return headers;
  }
}
