package org.contacts.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.contacts.jsonapi.Documents;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.jsonapi.PageLinks;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.contacts.model.Provenance;
import org.contacts.model.Rfc3339;

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

  /** A contact as a resource object, as every document draws it. */
  static JsonObject resource(String base, Contact contact, Representation representation) {
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
    JsonObject meta = representation.legacyId() ? JsonValue.EMPTY_JSON_OBJECT : meta(contact);
    return Documents.resourceObject(
        CONTACTS_TYPE, contact.id().text(), attributes.build(), meta, selfLink(base, contact.id()));
  }

  /**
   * The contact's version (which copy is newer, as the change feed may give one twice), and when
   * and by whom it was created and last changed, as far as that is known. The original's clients do
   * not get it: their representation stays as it was.
   */
  private static JsonObject meta(Contact contact) {
    Provenance provenance = contact.provenance();
    JsonObjectBuilder meta = JsonBuilders.object().add("version", contact.version());
    addIfKnown(meta, "createdAt", provenance.createdAt());
    addIfKnown(meta, "createdBy", provenance.createdBy());
    addIfKnown(meta, "updatedAt", provenance.updatedAt());
    addIfKnown(meta, "updatedBy", provenance.updatedBy());
    return meta.build();
  }

  private static void addIfKnown(JsonObjectBuilder meta, String name, Object value) {
    if (value != null) {
      meta.add(name, value instanceof Instant instant ? Rfc3339.text(instant) : value.toString());
    }
  }

  /**
   * A deleted contact as the change feed gives it: type and id, {@code meta.deleted} and its last
   * version when that is known; no attributes, so no personal data.
   */
  static JsonObject deletedResource(ContactId id, Long lastVersion) {
    JsonObjectBuilder meta = JsonBuilders.object().add("deleted", true);
    if (lastVersion != null) {
      meta.add("version", lastVersion);
    }
    return Documents.resourceIdentifier(CONTACTS_TYPE, id.text(), meta.build());
  }
}
