package org.contacts.api.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.contacts.config.ContactsSettings;
import org.contacts.jsonapi.ResourceInputReader;

/**
 * 413 Content Too Large for a request whose Content-Length exceeds contacts.request.max-body-bytes,
 * on every route, before anything reads the body. A body sent without a length (chunked) is counted
 * as it is read instead, by {@link ResourceInputReader}, which refuses it with the same 413.
 *
 * <p>Its place in the request pipeline: docs/pipeline.md.
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 200)
public class BodySizeLimitFilter implements ContainerRequestFilter {

  @Inject ContactsSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > settings.maxBodyBytes()) {
      throw ResourceInputReader.tooLarge(settings.maxBodyBytes());
    }
  }
}
