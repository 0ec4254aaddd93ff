package org.contacts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.contacts.datastore.DatastoreFailures;
import org.contacts.datastore.DatastoreSettings;
import org.contacts.datastore.DatastoreUnavailableException.Kind;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;

/**
 * Translates "the datastore cannot serve this now" into a 503 that says which of the three it is
 * (unreachable, too slow, overloaded), in its title and in its code, and when to try again.
 */
@ApplicationScoped
public class DatastoreErrors {

  @Inject DatastoreSettings settings;

  /** The refusal for this failure, or null when it does not mean "not now". */
  public ApiException of(Throwable failure) {
    Kind kind = DatastoreFailures.kindOf(failure);
    return kind == null ? null : of(kind);
  }

  ApiException of(Kind kind) {
    String retryAfter = Integer.toString(settings.retryAfterSeconds());
    String again = "; try again in " + retryAfter + " seconds.";
    ErrorObject error =
        switch (kind) {
          case UNREACHABLE ->
              ErrorObject.of(
                  503,
                  "Datastore is unreachable",
                  "The contacts datastore cannot be reached" + again);
          case TOO_SLOW ->
              ErrorObject.of(
                  503,
                  "Datastore did not answer in time",
                  "The contacts datastore did not answer within "
                      + settings.timeoutMillis()
                      + " ms"
                      + again);
          case OVERLOADED ->
              ErrorObject.of(
                  503,
                  "Service is overloaded",
                  "Too many requests are waiting on the contacts datastore (at most "
                      + settings.maxConcurrentRequests()
                      + " at once)"
                      + again);
        };
    return new ApiException(
        List.of(error.withCode(kind.tag())), Map.of(HttpHeaders.RETRY_AFTER, retryAfter));
  }
}
