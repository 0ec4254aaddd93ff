package org.contacts.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;

/**
 * Maps contacts to the documents stored in MongoDB and back. Besides the attributes a document
 * holds {@code version}, raised by every write, and {@code _search}, the lower-cased searchable
 * attributes, so that a case-insensitive prefix search is an indexed, case-sensitive one.
 */
public final class ContactMapping {

  public static final String ID = "_id";
  public static final String VERSION = "version";
  public static final String SEARCH = "_search";

  private ContactMapping() {}

  public static Contact toContact(Document document) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : ContactAttributes.NAMES) {
      Object value = document.get(name);
      if (value != null) {
        attributes.put(name, value.toString());
      }
    }
    return new Contact(new ContactId(document.get(ID).toString()), versionOf(document), attributes);
  }

  /** Documents written before versions existed are version 0. */
  public static long versionOf(Document document) {
    Number version = document.get(VERSION, Number.class);
    return version == null ? 0 : version.longValue();
  }

  /**
   * The update that replaces a contact's attributes with these and raises its version (from none,
   * for a document written before versions existed, to 1).
   */
  public static Document replacement(Map<String, String> attributes) {
    Document set = new Document();
    Document unset = new Document();
    for (String name : ContactAttributes.NAMES) {
      String value = attributes.get(name);
      if (value == null) {
        unset.append(name, "");
      } else {
        set.append(name, value);
      }
    }
    set.append(SEARCH, searchKeys(attributes));
    Document update = new Document("$set", set).append("$inc", new Document(VERSION, 1L));
    return unset.isEmpty() ? update : update.append("$unset", unset);
  }

  /** The stored form of a new or replaced contact. */
  public static Document toDocument(ObjectId id, long version, Map<String, String> attributes) {
    Document document = new Document(ID, id);
    for (String name : ContactAttributes.NAMES) {
      String value = attributes.get(name);
      if (value != null) {
        document.append(name, value);
      }
    }
    return document.append(VERSION, version).append(SEARCH, searchKeys(attributes));
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
