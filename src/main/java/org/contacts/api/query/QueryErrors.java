package org.contacts.api.query;

import java.util.ArrayList;
import java.util.List;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/** The problems found in one query string, reported together, each naming its parameter. */
final class QueryErrors {

  private final List<ErrorObject> errors = new ArrayList<>();

  void add(ErrorObject error) {
    errors.add(error);
  }

  void add(int status, String title, String detail, String parameter) {
    errors.add(ErrorObject.of(status, title, detail).atParameter(parameter));
  }

  /** Refuses the query string with every problem found, if there is any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ApiException(errors);
    }
  }
}
