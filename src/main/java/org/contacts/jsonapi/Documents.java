package org.contacts.jsonapi;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;

/** The one place that knows the shape of the JSON:API documents the service sends. */
public final class Documents {

  public static final String CONTACTS_TYPE = "contacts";
  public static final String CONTACTS_PATH = "/contacts";

  static final JsonObject JSONAPI_OBJECT =
      JsonBuilders.object().add("version", JsonApi.VERSION).build();

  /** Where the API is described; every document links to it. */
  public static final String DESCRIBED_BY = "/openapi";

  // Every link is absolute: "base" is the scheme, host, port (and any path prefix) that clients
  // reach the service at, without a trailing slash; the paths below are appended to it.

  private Documents() {}

  public static String selfLink(String contactId) {
    return CONTACTS_PATH + "/" + contactId;
  }

  /** A document whose primary data is one contact. */
  public static JsonObject contact(String base, Contact contact, Representation representation) {
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, base + selfLink(contact.id())))
        .add("data", resource(base, contact, representation))
        .build();
  }

  /** A document whose primary data is a page of contacts. */
  public static JsonObject contacts(
      String base,
      List<Contact> contacts,
      Representation representation,
      PageLinks links,
      JsonObject meta) {
    JsonArrayBuilder data = JsonBuilders.array();
    contacts.forEach(contact -> data.add(resource(base, contact, representation)));
    JsonObjectBuilder document =
        JsonBuilders.object().add("jsonapi", JSONAPI_OBJECT).add("links", links.toJson(base));
    if (meta != null) {
      document.add("meta", meta);
    }
    return document.add("data", data).build();
  }

  /** A document with only top-level meta, as a delete answers. */
  public static JsonObject meta(String base, String selfPath, JsonObject meta) {
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, base + selfPath))
        .add("meta", meta)
        .build();
  }

  /** A document whose primary data is one resource of another type, such as a health report. */
  public static JsonObject resource(
      String base, String type, String id, String selfPath, JsonObject attributes) {
    String self = base + selfPath;
    return JsonBuilders.object()
        .add("jsonapi", JSONAPI_OBJECT)
        .add("links", links(base, self))
        .add(
            "data",
            JsonBuilders.object()
                .add("type", type)
                .add("id", id)
                .add("attributes", attributes)
                .add("links", JsonBuilders.object().add("self", self)))
        .build();
  }

  /** The top-level links every document has: its own (when it has one) and the description. */
  static JsonObjectBuilder links(String base, String self) {
    JsonObjectBuilder links = JsonBuilders.object();
    if (self != null) {
      links.add("self", self);
    }
    return links.add("describedby", base + DESCRIBED_BY);
  }

  private static JsonObject resource(String base, Contact contact, Representation representation) {
    JsonObjectBuilder attributes = JsonBuilders.object();
    if (representation.legacyId()) {
      attributes.add("_id", contact.id());
    }
    Map<String, String> values = contact.attributes();
    for (String name : ContactAttributes.NAMES) {
      if (representation.includes(name)) {
        String value = values.get(name);
        if (value == null) {
          attributes.addNull(name);
        } else {
          attributes.add(name, value);
        }
      }
    }
    return JsonBuilders.object()
        .add("type", CONTACTS_TYPE)
        .add("id", contact.id())
        .add("attributes", attributes)
        .add("links", JsonBuilders.object().add("self", base + selfLink(contact.id())))
        .build();
  }
}
