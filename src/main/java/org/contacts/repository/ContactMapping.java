package org.contacts.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.model.Change;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.contacts.model.Provenance;
import org.contacts.model.Rfc3339;

/**
 * Maps contacts to the documents stored in MongoDB and back. Besides the attributes a document
 * holds {@code version}, raised by every write, and {@code _search}, the lower-cased searchable
 * attributes, so that a case-insensitive prefix search is an indexed, case-sensitive one, and the
 * provenance: {@code createdAt} and {@code updatedAt} as RFC 3339 text (which sorts as the times
 * do), {@code createdBy} and {@code updatedBy} when the writer had a subject.
 */
public final class ContactMapping {

  public static final String ID = "_id";
  public static final String VERSION = "version";
  public static final String SEARCH = "_search";
  public static final String CREATED_AT = "createdAt";
  public static final String CREATED_BY = "createdBy";
  public static final String UPDATED_AT = "updatedAt";
  public static final String UPDATED_BY = "updatedBy";

  private ContactMapping() {}

  public static Contact toContact(Document document) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : ContactAttributes.NAMES) {
      Object value = document.get(name);
      if (value != null) {
        attributes.put(name, value.toString());
      }
    }
    return new Contact(
        new ContactId(document.get(ID).toString()),
        versionOf(document),
        attributes,
        provenanceOf(document));
  }

  /**
   * A document written before provenance was recorded was created when its ObjectId was made (to
   * the second); its last change is unknown until its next write, as sorting and filtering by the
   * stored field see it.
   */
  static Provenance provenanceOf(Document document) {
    String createdAt = document.getString(CREATED_AT);
    if (createdAt != null) {
      String updatedAt = document.getString(UPDATED_AT);
      return new Provenance(
          Instant.parse(createdAt),
          document.getString(CREATED_BY),
          updatedAt == null ? null : Instant.parse(updatedAt),
          document.getString(UPDATED_BY));
    }
    if (document.get(ID) instanceof ObjectId objectId) {
      return new Provenance(objectId.getDate().toInstant(), null, null, null);
    }
    return Provenance.UNKNOWN;
  }

  /** Documents written before versions existed are version 0. */
  public static long versionOf(Document document) {
    Number version = document.get(VERSION, Number.class);
    return version == null ? 0 : version.longValue();
  }

  /** The stored form of a new or replaced contact. */
  public static Document toDocument(
      ObjectId id, long version, Map<String, String> attributes, Provenance provenance) {
    Document document = new Document(ID, id);
    for (String name : ContactAttributes.NAMES) {
      String value = attributes.get(name);
      if (value != null) {
        document.append(name, value);
      }
    }
    document.append(VERSION, version).append(SEARCH, searchKeys(attributes));
    appendIfKnown(document, CREATED_AT, provenance.createdAt());
    appendIfKnown(document, CREATED_BY, provenance.createdBy());
    appendIfKnown(document, UPDATED_AT, provenance.updatedAt());
    appendIfKnown(document, UPDATED_BY, provenance.updatedBy());
    return document;
  }

  /** The stored form of a contact this change creates. */
  public static Document toNewDocument(ObjectId id, Map<String, String> attributes, Change change) {
    return toDocument(id, 1, attributes, Provenance.createdBy(change));
  }

  private static void appendIfKnown(Document document, String field, Object value) {
    if (value != null) {
      document.append(field, value instanceof Instant instant ? Rfc3339.text(instant) : value);
    }
  }

  /** What remains of a deleted contact: its id, last version, and when and by whom it went. */
  public static Document toTombstone(ObjectId id, long version, Change change) {
    Document tombstone = new Document(ID, id).append(VERSION, version);
    appendIfKnown(tombstone, "deletedAt", change.at());
    appendIfKnown(tombstone, "deletedBy", change.by());
    return tombstone;
  }

  /** The {@code _search} values of a contact with these attributes. */
  public static List<String> searchKeys(Map<String, String> attributes) {
    List<String> keys = new ArrayList<>(ContactAttributes.SEARCHABLE.size());
    for (String name : ContactAttributes.SEARCHABLE) {
      String value = attributes.get(name);
      if (value != null && !value.isEmpty()) {
        keys.add(value.toLowerCase(Locale.ROOT));
      }
    }
    return keys;
  }
}
