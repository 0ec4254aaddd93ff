package org.contacts.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.api.http.BaseUri;
import org.contacts.api.http.ExchangeTypes;
import org.contacts.config.WebSettings;
import org.contacts.controller.ContactException;
import org.contacts.datastore.DatastoreNotConfiguredException;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorDocument;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;

/**
 * The one door from a failure to a response, and it only dispatches: an {@link ApiException}
 * carries its own status, errors and headers; a domain fact ({@link ContactException}) is
 * translated by {@link ContactErrors}; the datastore's "not now" by {@link DatastoreErrors}; the
 * errors JAX-RS raises itself and anything unexpected get the answers below. Every response is a
 * JSON:API errors document, and nothing internal (stack traces, connection strings) ever reaches
 * the client.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  @Inject DatastoreErrors datastoreErrors;
  @Inject SentDocument sent;
  @Inject WebSettings web;

  @Context UriInfo uriInfo;
  @Context Request request;

  @Override
  public Response toResponse(Throwable thrown) {
    return respond(refusal(thrown));
  }

  private ApiException refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException refusal) {
        return refusal;
      }
      if (cause instanceof ContactException fact) {
        return new ApiException(ContactErrors.of(fact, sent.input()));
      }
      if (cause instanceof DatastoreNotConfiguredException notConfigured) {
        return datastoreNotConfigured(notConfigured);
      }
      ApiException unavailable = datastoreErrors.of(cause);
      if (unavailable != null) {
        return unavailable;
      }
    }
    if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromJaxRs(web);
    }
    return unexpected(thrown);
  }

  private static ApiException datastoreNotConfigured(
      DatastoreNotConfiguredException notConfigured) {
    return new ApiException(
        ErrorObject.of(503, "Datastore is not configured", notConfigured.getMessage()));
  }

  /** The errors JAX-RS itself raises: unknown routes, methods, media types. */
  private ApiException fromJaxRs(WebApplicationException web) {
    Response original = web.getResponse();
    int status = original.getStatus();
    String route = request.getMethod() + " " + uriInfo.getRequestUri().getRawPath();
    ErrorObject error =
        switch (status) {
          case 404 -> ErrorObject.of(404, "Not found", "No route matches " + route + ".");
          case 405 ->
              ErrorObject.of(
                  405,
                  "Method not allowed",
                  route + " is not allowed; allowed: " + allowed(original) + ".");
          case 406 ->
              ErrorObject.of(
                  406,
                  "Not acceptable",
                  "This service answers with " + ExchangeTypes.ON_OFFER + ".");
          case 415 ->
              ErrorObject.of(
                  415,
                  "Unsupported media type",
                  "Send "
                      + JsonApi.MEDIA_TYPE
                      + " or application/json; to import into /contacts, text/vcard or text/csv"
                      + " in UTF-8.");
          default -> ErrorObject.of(status, original.getStatusInfo().getReasonPhrase(), null);
        };
    Map<String, String> headers =
        web instanceof NotAllowedException
            ? Map.of(HttpHeaders.ALLOW, allowed(original))
            : Map.of();
    return new ApiException(error, headers);
  }

  private static String allowed(Response response) {
    return String.join(", ", response.getAllowedMethods().stream().sorted().toList());
  }

  private ApiException unexpected(Throwable thrown) {
    String id = UUID.randomUUID().toString();
    LOG.log(
        Level.SEVERE,
        "Unexpected error "
            + id
            + " serving "
            + request.getMethod()
            + " "
            + uriInfo.getRequestUri().getRawPath(),
        thrown);
    return new ApiException(
        ErrorObject.of(
                500,
                "Internal server error",
                "Something went wrong on our side; quote error id " + id + " when reporting it.")
            .withId(id));
  }

  private Response respond(ApiException refusal) {
    // 422's reason phrase is the servlet layer's job: api.http.ReasonPhraseFilter.
    Response.ResponseBuilder response =
        Response.status(refusal.status())
            .entity(ErrorDocument.of(BaseUri.of(web, uriInfo), refusal.errors()))
            .type(JsonApi.CONTENT_TYPE);
    refusal.headers().forEach(response::header);
    return response.build();
  }
}
