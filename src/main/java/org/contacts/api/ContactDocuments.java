package org.contacts.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.contacts.jsonapi.Documents;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.jsonapi.PageLinks;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;

/**
 * Contacts as JSON:API documents: the resource type, its route, and how a contact is drawn. The
 * links to contacts are built here ({@link #selfLink}) and in {@link
 * org.contacts.api.query.PageLinksBuilder} only.
 */
final class ContactDocuments {

  static final String CONTACTS_TYPE = "contacts";
  static final String CONTACTS_PATH = "/contacts";

  /** The attribute in which the original service's clients find, and may send, the id. */
  static final String LEGACY_ID = "_id";

  private ContactDocuments() {}

  /** A contact's absolute link; {@code base} is where clients reach the service (BaseUri). */
  static String selfLink(String base, ContactId id) {
    return base + CONTACTS_PATH + "/" + id.text();
  }

  /** A document whose primary data is one contact. */
  static JsonObject contact(String base, Contact contact, Representation representation) {
    return Documents.single(
        base, selfLink(base, contact.id()), resource(base, contact, representation));
  }

  /** A document whose primary data is a page of contacts. */
  static JsonObject contacts(
      String base,
      List<Contact> contacts,
      Representation representation,
      PageLinks links,
      JsonObject meta) {
    JsonArrayBuilder data = JsonBuilders.array();
    contacts.forEach(contact -> data.add(resource(base, contact, representation)));
    return Documents.collection(base, links, meta, data.build());
  }

  /** What a delete answers: the contact's link and the id it removed. */
  static JsonObject deleted(String base, ContactId id) {
    return Documents.meta(
        base, selfLink(base, id), JsonBuilders.object().add("deleted", id.text()).build());
  }

  private static JsonObject resource(String base, Contact contact, Representation representation) {
    JsonObjectBuilder attributes = JsonBuilders.object();
    if (representation.legacyId()) {
      attributes.add(LEGACY_ID, contact.id().text());
    }
    for (String name : ContactAttributes.NAMES) {
      if (representation.includes(name)) {
        String value = contact.attribute(name);
        if (value == null) {
          attributes.addNull(name);
        } else {
          attributes.add(name, value);
        }
      }
    }
    return Documents.resourceObject(
        CONTACTS_TYPE, contact.id().text(), attributes.build(), selfLink(base, contact.id()));
  }
}
