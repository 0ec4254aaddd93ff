package org.contacts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.OutputStream;
import java.util.List;
import org.contacts.api.http.EntityTags;
import org.contacts.api.http.JsonObjectWriter;
import org.contacts.api.query.ContactQueryParser;
import org.contacts.api.query.PageLinksBuilder;
import org.contacts.config.ContactsSettings;
import org.contacts.controller.ContactController;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactPage;

/**
 * Reads contacts as the routes do, from the query's parameters to the written document, but in the
 * process and without HTTP. Priming uses it in jwt mode, where it holds no token to read through
 * the routes and no route may let it in without one: what it warms is reached by no caller.
 */
@ApplicationScoped
public class InProcessReads {

  private static final String BASE = "http://localhost";
  private static final List<String> QUERIES =
      List.of(
          "page[size]=10",
          "sort=lastName,-firstName&filter[state]=CA&fields[contacts]=firstName,lastName,email",
          "filter[q]=ma&page[number]=2&page[size]=10");
  private static final JsonObjectWriter WRITER = new JsonObjectWriter();

  @Inject ContactController controller;
  @Inject ContactsSettings settings;

  /** How many different page queries {@link #page} reads. */
  public int pageQueries() {
    return QUERIES.size();
  }

  /** The ids on the first page, for {@link #contact}. */
  public List<String> firstPageIds() {
    return controller.list(parse(QUERIES.get(0)).query()).contacts().stream()
        .map(contact -> contact.id().text())
        .toList();
  }

  /** Reads one of the page queries and writes its document, as GET /contacts would. */
  public void page(int query) {
    String text = QUERIES.get(query % QUERIES.size());
    MultivaluedMap<String, String> parameters = parameters(text);
    ContactQueryParser.Parsed parsed = new ContactQueryParser(settings).parse(parameters, false);
    ContactPage page = controller.list(parsed.query());
    Representation representation = Representation.JSON_API.withFields(parsed.fields());
    EntityTags.of(page, representation, text);
    PageLinksBuilder links =
        new PageLinksBuilder(BASE + ContactDocuments.CONTACTS_PATH, text, parameters);
    write(
        ContactDocuments.contacts(
            BASE,
            page.contacts(),
            representation,
            links.links(parsed.query(), page),
            JsonObject.EMPTY_JSON_OBJECT));
  }

  /** Reads one contact and writes its document, as GET /contacts/{id} would. */
  public void contact(String id) {
    Contact contact = controller.get(ContactController.id(id));
    EntityTags.of(contact, Representation.JSON_API);
    write(ContactDocuments.contact(BASE, contact, Representation.JSON_API));
  }

  private ContactQueryParser.Parsed parse(String text) {
    return new ContactQueryParser(settings).parse(parameters(text), false);
  }

  private static MultivaluedMap<String, String> parameters(String text) {
    MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      parameters.add(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return parameters;
  }

  private static void write(JsonObject document) {
    WRITER.writeTo(
        document,
        JsonObject.class,
        JsonObject.class,
        new java.lang.annotation.Annotation[0],
        JsonApi.CONTENT_TYPE,
        new MultivaluedHashMap<>(),
        OutputStream.nullOutputStream());
  }
}
