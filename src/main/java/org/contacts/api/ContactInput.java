package org.contacts.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.jsonapi.ResourceInputReader;
import org.contacts.model.AttributeChanges;
import org.contacts.model.AttributeValue;
import org.contacts.model.ContactId;

/**
 * The JSON:API document rules of a contact sent to be created or changed (its type, a client's id,
 * the id against the URL), and its attributes as the domain reads them.
 */
final class ContactInput {

  private ContactInput() {}

  /**
   * The body as contacts are sent: a bare object is the original service's, whose clients send the
   * id, if any, as the member {@code _id} among the attributes.
   */
  static ResourceInput withLegacyId(ResourceInput input) {
    if (input.type() != null || !input.attributes().containsKey(ContactDocuments.LEGACY_ID)) {
      return input;
    }
    Map<String, JsonValue> attributes = new LinkedHashMap<>(input.attributes());
    JsonValue legacyId = attributes.remove(ContactDocuments.LEGACY_ID);
    String id = null;
    if (legacyId.getValueType() != JsonValue.ValueType.NULL) {
      if (legacyId.getValueType() != JsonValue.ValueType.STRING) {
        throw ResourceInputReader.malformed(
            "\"" + ContactDocuments.LEGACY_ID + "\" must be a string.", legacyIdPointer());
      }
      id = ((JsonString) legacyId).getString();
    }
    return new ResourceInput(null, id, attributes, input.attributesPointer());
  }

  /** Where the body holds the contact's id: data.id, or the original service's _id. */
  static String idPointer(ResourceInput input) {
    return input.type() == null ? legacyIdPointer() : "/data/id";
  }

  private static String legacyIdPointer() {
    return "/" + ContactDocuments.LEGACY_ID;
  }

  /** The id a client chose for a new contact, or null when it chose none. */
  static ContactId clientId(ResourceInput input) {
    checkType(input);
    if (input.id() == null) {
      return null;
    }
    return ContactId.parse(input.id())
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorObject.of(
                            403,
                            "Client-generated id not accepted",
                            "A contact's id, when a client chooses it, must be a new ObjectId of 24 "
                                + "hexadecimal digits.")
                        .atPointer(idPointer(input))));
  }

  /** The attributes of a body sent to change the contact the URL names, once it is about it. */
  static AttributeChanges changesTo(ContactId target, ResourceInput input) {
    checkType(input);
    if (input.id() != null && !input.id().equals(target.text())) {
      throw new ApiException(
          ErrorObject.of(
                  409,
                  "Id does not match the URL",
                  "The body names contact "
                      + input.id()
                      + " but the URL names contact "
                      + target
                      + ".")
              .atPointer(idPointer(input)));
    }
    return attributes(input);
  }

  static AttributeChanges attributes(ResourceInput input) {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    input.attributes().forEach((name, value) -> attributes.put(name, valueOf(value)));
    return new AttributeChanges(attributes);
  }

  private static AttributeValue valueOf(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> AttributeValue.text(((JsonString) value).getString());
      case NULL -> AttributeValue.REMOVAL;
      default -> AttributeValue.NOT_TEXT;
    };
  }

  private static void checkType(ResourceInput input) {
    if (input.type() != null && !input.type().equals(ContactDocuments.CONTACTS_TYPE)) {
      throw new ApiException(
          ErrorObject.of(
                  409,
                  "Wrong resource type",
                  "This endpoint holds resources of type \"contacts\", not \""
                      + input.type()
                      + "\".")
              .atPointer("/data/type"));
    }
  }
}
