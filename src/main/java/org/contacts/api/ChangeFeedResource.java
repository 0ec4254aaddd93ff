package org.contacts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.contacts.api.http.BaseUri;
import org.contacts.api.http.Negotiation;
import org.contacts.api.query.FeedCursors;
import org.contacts.config.ChangeFeedSettings;
import org.contacts.config.ContactsSettings;
import org.contacts.config.WebSettings;
import org.contacts.controller.ChangeFeed;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.Documents;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.jsonapi.PageLinks;
import org.contacts.jsonapi.Representation;
import org.contacts.model.ContactChange;
import org.contacts.model.FeedCursor;
import org.contacts.model.FeedEntry;

/**
 * The change feed, {@code GET /contacts/changes}: every contact there is, in pages, then only what
 * changed since, oldest first; and, with {@code Accept: text/event-stream}, the same changes live
 * (docs/api.md).
 */
@ApplicationScoped
@Path("contacts/changes")
public class ChangeFeedResource {

  static final String CHANGES_PATH = ContactDocuments.CONTACTS_PATH + "/changes";
  static final String AFTER = "page[after]";
  static final String SIZE = "page[size]";
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final Logger LOG = Logger.getLogger(ChangeFeedResource.class.getName());

  private static final MediaType CURSOR_PAGE_TYPE = JsonApi.withProfile(JsonApi.CURSOR_PROFILE);

  @Inject ChangeFeed feed;
  @Inject ContactsSettings settings;
  @Inject ChangeFeedSettings feedSettings;
  @Inject WebSettings web;
  @Inject LiveChangeStreams live;

  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @GET
  @Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response page() {
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    FeedCursors cursors = cursors();
    int size = size(query);
    String after = query.getFirst(AFTER);
    FeedCursor cursor = after == null ? feed.start() : decode(cursors, after);
    FeedEntry.Page page = feed.read(cursor, size);
    String base = BaseUri.of(web, uriInfo);
    Representation representation = Negotiation.representation(headers);
    JsonArrayBuilder data = JsonBuilders.array();
    for (FeedEntry entry : page.entries()) {
      data.add(resource(base, entry.change(), representation));
    }
    String self = base + CHANGES_PATH + rawQuery();
    String next = link(base, cursors.encode(page.next()), size);
    JsonObject document =
        Documents.collection(
            base,
            new PageLinks(self, null, null, next, null),
            JsonBuilders.object().add("caughtUp", page.caughtUp()).build(),
            data.build());
    return Response.ok(document, CURSOR_PAGE_TYPE).build();
  }

  /**
   * The live stream: Server-Sent Events, each a change with the cursor after it as its id. From
   * {@code Last-Event-ID} or {@code page[after]} when given (the changes since come first), else
   * from now on.
   */
  @GET
  // Below the pages' quality, so that a client that accepts anything (curl's */*) gets a page;
  // the stream is for those that name text/event-stream.
  @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
  public void live(@Context SseEventSink sink, @Context Sse sse) {
    FeedCursors cursors = cursors();
    String lastEventId = headers.getHeaderString(LAST_EVENT_ID);
    String after =
        lastEventId != null && !lastEventId.isBlank()
            ? lastEventId
            : uriInfo.getQueryParameters().getFirst(AFTER);
    FeedCursor from = after == null ? feed.now() : decode(cursors, after);
    live.open(sink, sse, from, BaseUri.of(web, uriInfo), cursors);
  }

  /**
   * @throws ApiException 503 when no cursor key is set: cursors signed with a key of this process
   *     alone would fail on every other instance and after a restart, so the feed is not served
   */
  FeedCursors cursors() {
    return feedSettings
        .cursorKey()
        .map(FeedCursors::new)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorObject.of(
                        503,
                        "Change feed is not configured",
                        "This service has no key to sign change feed cursors: its operator must"
                            + " set CONTACTS_CHANGES_CURSOR_KEY. The rest of the API is served.")));
  }

  /** Says at start whether the feed is served, so that an operator sees a missing key at once. */
  void sayWhetherTheFeedIsServed(@Observes Startup startup) {
    if (feedSettings.cursorKey().isEmpty()) {
      LOG.severe(
          "contacts.changes.cursor-key is not set: GET /contacts/changes answers 503 until it is. Set"
              + " CONTACTS_CHANGES_CURSOR_KEY to one secret shared by every instance"
              + " (docs/configuration.md).");
    }
  }

  /** A change as the feed and the live stream draw it. */
  static JsonObject resource(String base, ContactChange change, Representation representation) {
    if (change instanceof ContactChange.Written written) {
      return ContactDocuments.resource(base, written.contact(), representation);
    }
    ContactChange.Deleted deleted = (ContactChange.Deleted) change;
    return ContactDocuments.deletedResource(deleted.id(), deleted.lastVersion());
  }

  /** The URL that reads on from a cursor. */
  static String link(String base, String cursor, int size) {
    return base + CHANGES_PATH + "?page%5Bafter%5D=" + cursor + "&page%5Bsize%5D=" + size;
  }

  /**
   * @throws ApiException 400 naming {@code page[after]} when the service never issued the cursor
   */
  static FeedCursor decode(FeedCursors cursors, String text) {
    try {
      return cursors.decode(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ErrorObject.of(
                  400,
                  "Invalid cursor",
                  "This cursor is not one this service issued; follow the links of the feed,"
                      + " or start without a cursor.")
              .atParameter(AFTER));
    }
  }

  private int size(MultivaluedMap<String, String> query) {
    List<ErrorObject> errors = new ArrayList<>();
    for (String name : query.keySet()) {
      if (!name.equals(AFTER) && !name.equals(SIZE)) {
        errors.add(
            ErrorObject.of(
                    400,
                    "Unknown query parameter",
                    "\""
                        + name
                        + "\" is not a parameter of the change feed; it takes page[after]"
                        + " and page[size].")
                .atParameter(name));
      }
    }
    String text = query.getFirst(SIZE);
    int size = settings.defaultPageSize();
    if (text != null) {
      try {
        size = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        size = 0;
      }
      if (size < 1 || size > settings.maxPageSize()) {
        errors.add(
            ErrorObject.of(
                    400,
                    "Invalid page size",
                    "page[size] must be a whole number from 1 to " + settings.maxPageSize() + ".")
                .atParameter(SIZE));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(errors);
    }
    return size;
  }

  private String rawQuery() {
    String raw = uriInfo.getRequestUri().getRawQuery();
    return raw == null ? "" : "?" + raw;
  }
}
