package org.contacts.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import org.contacts.jsonapi.ApiException;
// The JSON:API type rule moves to the API edge; until then it names the type itself.
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.model.Contact;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ContactValidator;
import org.contacts.model.Violation;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.DuplicateContactException;

/**
 * The rules of the contacts domain: what may be created and changed, and what a client learns when
 * it may not. Nothing invalid reaches the repository.
 */
@ApplicationScoped
public class ContactController {

  @Inject ContactRepository repository;

  public ContactPage list(ContactQuery query) {
    return repository.findPage(query);
  }

  public Contact get(String id) {
    return repository.findById(checkedId(id)).orElseThrow(() -> new ContactNotFoundException(id));
  }

  public Contact create(ResourceInput input) {
    checkType(input);
    String id = input.id();
    if (id != null && !ObjectId.isValid(id)) {
      throw new ApiException(
          ErrorObject.of(
                  403,
                  "Client-generated id not accepted",
                  "A contact's id, when a client chooses it, must be a new ObjectId of 24 "
                      + "hexadecimal digits.")
              .atPointer(input.idPointer()));
    }
    Map<String, String> attributes = validated(input, true);
    try {
      return repository.insert(id, attributes);
    } catch (DuplicateContactException e) {
      throw new ApiException(
          ErrorObject.of(
                  409, "Contact already exists", "A contact with id " + id + " already exists.")
              .atPointer(input.idPointer()));
    }
  }

  /** Changes the attributes given and leaves the others as they are. */
  public Contact update(String id, ResourceInput input, Long expectedVersion) {
    checkTarget(id, input);
    Map<String, String> changes = validated(input, false);
    Map<String, String> set = new HashMap<>();
    Set<String> unset = new HashSet<>();
    changes.forEach(
        (name, value) -> {
          if (value == null) {
            unset.add(name);
          } else {
            set.put(name, value);
          }
        });
    return repository
        .update(id, expectedVersion, set, unset)
        .orElseThrow(() -> writeRefused(id, expectedVersion));
  }

  /** Replaces every attribute; those not given are removed. */
  public Contact replace(String id, ResourceInput input, Long expectedVersion) {
    checkTarget(id, input);
    Map<String, String> attributes = validated(input, true);
    attributes.values().removeIf(value -> value == null);
    return repository
        .replace(id, expectedVersion, attributes)
        .orElseThrow(() -> writeRefused(id, expectedVersion));
  }

  public void delete(String id, Long expectedVersion) {
    if (!repository.deleteById(checkedId(id), expectedVersion)) {
      throw writeRefused(id, expectedVersion);
    }
  }

  private static String checkedId(String id) {
    if (!ObjectId.isValid(id)) {
      throw new InvalidContactIdException(id);
    }
    return id;
  }

  private void checkTarget(String id, ResourceInput input) {
    checkedId(id);
    checkType(input);
    if (input.id() != null && !input.id().equals(id)) {
      throw new ApiException(
          ErrorObject.of(
                  409,
                  "Id does not match the URL",
                  "The body names contact " + input.id() + " but the URL names contact " + id + ".")
              .atPointer(input.idPointer()));
    }
  }

  private static void checkType(ResourceInput input) {
    if (input.type() != null && !input.type().equals("contacts")) {
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

  /** Validates the attributes sent and returns them as strings, null meaning "remove". */
  private static Map<String, String> validated(ResourceInput input, boolean complete) {
    List<Violation> violations = ContactValidator.validate(input.attributes(), complete);
    if (!violations.isEmpty()) {
      throw new ContactValidationException(violations, input);
    }
    Map<String, String> values = new HashMap<>();
    input
        .attributes()
        .forEach(
            (name, value) ->
                values.put(
                    name,
                    value.getValueType() == JsonValue.ValueType.NULL
                        ? null
                        : ((JsonString) value).getString()));
    return values;
  }

  /**
   * Why a conditional write did not happen: the contact is gone, or it changed since the version
   * the client had. The write itself was atomic; this read only chooses the answer.
   */
  private ApiException writeRefused(String id, Long expectedVersion) {
    if (expectedVersion == null || !repository.existsById(id)) {
      return new ContactNotFoundException(id);
    }
    return new ApiException(
        ErrorObject.of(
                412,
                "Contact has changed",
                "Contact " + id + " was changed since the version in If-Match; fetch it again.")
            .atHeader("If-Match"));
  }
}
