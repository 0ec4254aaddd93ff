package org.contacts.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Content negotiation: checks every request's Content-Type (415) and Accept (406) before a resource
 * sees it, on every route (before matching, so an unknown route with an unsupported media type is a
 * 415 too), and marks every response as varying by Accept, since the representation does.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER)
public class NegotiationFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.hasEntity() || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
      checkContentType(request.getMediaType());
    }
    checkAccept(request.getAcceptableMediaTypes());
  }

  /**
   * JSON:API's own type with only its parameters, or the plain kinds the original's clients send.
   */
  private static void checkContentType(MediaType type) {
    if (type == null) {
      return;
    }
    boolean acceptable =
        Negotiation.isJsonApi(type)
            ? Negotiation.hasOnlyJsonApiParameters(type)
            : type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
    if (!acceptable) {
      throw new NotSupportedException();
    }
  }

  /**
   * JSON:API: when its type appears in Accept, some instance of it must carry only parameters we
   * support. Otherwise the client must accept JSON in some form, as the original's clients do.
   */
  private static void checkAccept(List<MediaType> accepted) {
    boolean acceptable =
        accepted.stream().anyMatch(Negotiation::isJsonApi)
            ? accepted.stream()
                .anyMatch(
                    type ->
                        Negotiation.isJsonApi(type) && Negotiation.hasOnlyJsonApiParameters(type))
            : accepted.stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
    if (!acceptable) {
      throw new NotAcceptableException();
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }
}
