package org.contacts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Set;
import org.contacts.api.http.BaseUri;
import org.contacts.api.http.EntityTags;
import org.contacts.api.http.Negotiation;
import org.contacts.api.http.Preconditions;
import org.contacts.api.query.ContactQueryParser;
import org.contacts.api.query.PageLinksBuilder;
import org.contacts.config.ContactsSettings;
import org.contacts.config.WebSettings;
import org.contacts.controller.ContactController;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.jsonapi.Representation;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.jsonapi.ResourceInputReader;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ExpectedVersion;

/**
 * The contacts routes: HTTP in, HTTP out; the controller decides. One instance serves every request
 * (the @Context fields are proxies to the current request's), so no bean is built per request.
 */
@ApplicationScoped
@Path("contacts")
public class ContactResource {

  private static final MediaType CURSOR_PAGE_TYPE = JsonApi.withProfile(JsonApi.CURSOR_PROFILE);

  @Inject ContactController controller;
  @Inject ContactsSettings settings;
  @Inject SentDocument sent;
  @Inject WebSettings web;

  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @GET
  public Response list() {
    boolean cursorByDefault = Negotiation.asksForCursorProfile(headers.getAcceptableMediaTypes());
    ContactQueryParser.Parsed parsed =
        new ContactQueryParser(settings).parse(uriInfo.getQueryParameters(), cursorByDefault);
    Representation representation = Negotiation.representation(headers).withFields(parsed.fields());
    ContactPage page = controller.list(parsed.query());
    EntityTag tag =
        EntityTags.of(page, representation, String.valueOf(uriInfo.getRequestUri().getRawQuery()));
    if (notModified(tag)) {
      return Response.notModified(tag).build();
    }
    String base = base();
    PageLinksBuilder links =
        new PageLinksBuilder(
            base + ContactDocuments.CONTACTS_PATH,
            uriInfo.getRequestUri().getRawQuery(),
            uriInfo.getQueryParameters());
    JsonObject document =
        ContactDocuments.contacts(
            base, page.contacts(), representation, links.links(parsed.query(), page), meta(page));
    MediaType type = parsed.query().page().isCursor() ? CURSOR_PAGE_TYPE : JsonApi.CONTENT_TYPE;
    return Response.ok(document, type).tag(tag).build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    Set<String> fields = new ContactQueryParser(settings).parseFields(uriInfo.getQueryParameters());
    Representation representation = representation().withFields(fields);
    Contact contact = controller.get(ContactController.id(id));
    EntityTag tag = EntityTags.of(contact, representation);
    if (notModified(tag)) {
      return Response.notModified(tag).build();
    }
    return contactResponse(Response.ok(), contact, representation);
  }

  @POST
  public Response create(InputStream body) {
    ResourceInput input = read(body);
    ContactId id = ContactInput.clientId(input);
    Contact contact = controller.create(id, ContactInput.attributes(input));
    return contactResponse(
        Response.status(Response.Status.CREATED)
            .header(HttpHeaders.LOCATION, ContactDocuments.selfLink(base(), contact.id())),
        contact,
        representation());
  }

  @PATCH
  @Path("{id}")
  public Response update(@PathParam("id") String id, InputStream body) {
    ResourceInput input = read(body);
    ContactId target = ContactController.id(id);
    Contact contact =
        controller.update(target, ContactInput.changesTo(target, input), expectedVersion());
    return contactResponse(Response.ok(), contact, representation());
  }

  @PUT
  @Path("{id}")
  public Response replace(@PathParam("id") String id, InputStream body) {
    ResourceInput input = read(body);
    ContactId target = ContactController.id(id);
    Contact contact =
        controller.replace(target, ContactInput.changesTo(target, input), expectedVersion());
    return contactResponse(Response.ok(), contact, representation());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    ContactId target = ContactController.id(id);
    controller.delete(target, expectedVersion());
    return Response.ok(ContactDocuments.deleted(base(), target), JsonApi.CONTENT_TYPE).build();
  }

  private boolean notModified(EntityTag tag) {
    return Preconditions.notModified(
        headers.getHeaderString(HttpHeaders.IF_MATCH),
        headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        tag);
  }

  private ExpectedVersion expectedVersion() {
    return Preconditions.expectedVersion(headers.getHeaderString(HttpHeaders.IF_MATCH));
  }

  private Representation representation() {
    return Negotiation.representation(headers);
  }

  /** Reads the body, and keeps it for errors that point into it. */
  private ResourceInput read(InputStream body) {
    ResourceInput input =
        ContactInput.withLegacyId(
            new ResourceInputReader(settings.maxBodyBytes(), "Contacts").read(body));
    sent.keep(input);
    return input;
  }

  private String base() {
    return BaseUri.of(web, uriInfo);
  }

  private Response contactResponse(
      Response.ResponseBuilder response, Contact contact, Representation representation) {
    return response
        .entity(ContactDocuments.contact(base(), contact, representation))
        .type(JsonApi.CONTENT_TYPE)
        .tag(EntityTags.of(contact, representation))
        .build();
  }

  private static JsonObject meta(ContactPage page) {
    JsonObjectBuilder meta = JsonBuilders.object();
    if (page.total() != null) {
      meta.add("total", page.total());
    }
    // Says how far the total can be trusted: an exact count of the matches, the collection's
    // own count (exact but for an unclean shutdown), or none when counting took too long.
    meta.add(
        "totalKind",
        page.total() == null ? "unavailable" : page.exactTotal() ? "exact" : "collection");
    return meta.build();
  }
}
