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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.config.WebSettings;
import org.contacts.controller.ContactException;
import org.contacts.datastore.DatastoreNotConfiguredException;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorDocument;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;

/**
 * The one place where failures become responses: every exception that leaves a resource is answered
 * with a JSON:API errors document, and nothing internal (stack traces, connection strings) ever
 * reaches the client.
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
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return respond(api.errors(), api.headers());
      }
      if (cause instanceof ContactException refusal) {
        return respond(ContactErrors.of(refusal, sent.input()), Map.of());
      }
      if (cause instanceof DatastoreNotConfiguredException notConfigured) {
        return datastoreNotConfigured(notConfigured);
      }
      if (cause instanceof AuthenticationRequiredException refused) {
        return unauthorized(refused);
      }
      if (cause instanceof InsufficientScopeException forbidden) {
        return insufficientScope(forbidden);
      }
      ApiException unavailable = datastoreErrors.of(cause);
      if (unavailable != null) {
        return respond(unavailable.errors(), unavailable.headers());
      }
    }
    if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return fromJaxRs(web);
    }
    return unexpected(thrown);
  }

  private Response datastoreNotConfigured(DatastoreNotConfiguredException notConfigured) {
    return respond(
        List.of(ErrorObject.of(503, "Datastore is not configured", notConfigured.getMessage())),
        Map.of());
  }

  /** RFC 6750's challenge: error="invalid_token" only when a token was sent. */
  private Response unauthorized(AuthenticationRequiredException refused) {
    String challenge =
        refused.tokenSent()
            ? "Bearer realm=\"contacts\", error=\"invalid_token\""
            : "Bearer realm=\"contacts\"";
    String detail =
        refused.tokenSent()
            ? "The bearer token was refused: it is malformed, expired or not yet valid, or not"
                + " signed by the trusted key for this issuer and audience."
            : "Send a bearer token: Authorization: Bearer <token>.";
    return respond(
        List.of(ErrorObject.of(401, "Unauthorized", detail).atHeader(HttpHeaders.AUTHORIZATION)),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
  }

  private Response insufficientScope(InsufficientScopeException forbidden) {
    String scope = forbidden.requiredScope();
    return respond(
        List.of(
            ErrorObject.of(
                    403, "Forbidden", "This request needs a token with the scope " + scope + ".")
                .atHeader(HttpHeaders.AUTHORIZATION)),
        Map.of(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\""));
  }

  /** The errors JAX-RS itself raises: unknown routes, methods, media types. */
  private Response fromJaxRs(WebApplicationException web) {
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
                  "This service answers with " + JsonApi.MEDIA_TYPE + " only.");
          case 415 ->
              ErrorObject.of(
                  415,
                  "Unsupported media type",
                  "Send " + JsonApi.MEDIA_TYPE + " or application/json.");
          default -> ErrorObject.of(status, original.getStatusInfo().getReasonPhrase(), null);
        };
    Map<String, String> headers =
        web instanceof NotAllowedException
            ? Map.of(HttpHeaders.ALLOW, allowed(original))
            : Map.of();
    return respond(List.of(error), headers);
  }

  private static String allowed(Response response) {
    return String.join(", ", response.getAllowedMethods().stream().sorted().toList());
  }

  private Response unexpected(Throwable thrown) {
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
    return respond(
        List.of(
            ErrorObject.of(
                    500,
                    "Internal server error",
                    "Something went wrong on our side; quote error id "
                        + id
                        + " when reporting it.")
                .withId(id)),
        Map.of());
  }

  private Response respond(List<ErrorObject> errors, Map<String, String> headers) {
    int status = ErrorDocument.statusOf(errors);
    // The container knows no reason phrase for 422; give it the one RFC 9110 defines.
    Response.ResponseBuilder response =
        (status == 422 ? Response.status(422, "Unprocessable Content") : Response.status(status))
            .entity(ErrorDocument.of(BaseUri.of(web, uriInfo), errors))
            .type(JsonApi.MEDIA_TYPE_TYPE);
    headers.forEach(response::header);
    return response.build();
  }
}
