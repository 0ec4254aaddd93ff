package org.contacts.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.ContactValidator;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.Violation;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.DuplicateContactException;
import org.contacts.repository.WriteResult;

/**
 * The rules of the contacts domain: what may be created and changed, and what it is when it may
 * not. Nothing invalid reaches the repository.
 */
@ApplicationScoped
public class ContactController {

  private ContactRepository repository;

  @Inject
  public ContactController(ContactRepository repository) {
    this.repository = repository;
  }

  /** For CDI's proxies only. */
  protected ContactController() {}

  /** The contact id a text names. */
  public static ContactId id(String text) {
    return ContactId.parse(text).orElseThrow(() -> new InvalidContactIdException(text));
  }

  public ContactPage list(ContactQuery query) {
    return repository.findPage(query);
  }

  public Contact get(ContactId id) {
    return repository.findById(id).orElseThrow(() -> new ContactNotFoundException(id));
  }

  /** Creates a contact under a new id, or under the client's when it gives one (null if not). */
  public Contact create(ContactId id, AttributeChanges sent) {
    validate(sent, true);
    try {
      return repository.insert(id, sent.values());
    } catch (DuplicateContactException e) {
      throw new ContactAlreadyExistsException(e.id());
    }
  }

  /** Changes the attributes given and leaves the others as they are. */
  public Contact update(ContactId id, AttributeChanges sent, ExpectedVersion expected) {
    validate(sent, false);
    return written(id, expected, repository.update(id, expected, sent));
  }

  /** Replaces every attribute; those not given are removed. */
  public Contact replace(ContactId id, AttributeChanges sent, ExpectedVersion expected) {
    validate(sent, true);
    return written(id, expected, repository.replace(id, expected, sent.values()));
  }

  public void delete(ContactId id, ExpectedVersion expected) {
    written(id, expected, repository.delete(id, expected));
  }

  private static void validate(AttributeChanges sent, boolean complete) {
    List<Violation> violations = ContactValidator.validate(sent, complete);
    if (!violations.isEmpty()) {
      throw new ContactValidationException(violations);
    }
  }

  private static Contact written(ContactId id, ExpectedVersion expected, WriteResult result) {
    if (result instanceof WriteResult.Written written) {
      return written.contact();
    }
    if (result instanceof WriteResult.Changed changed) {
      throw new ContactChangedException(id, expected, changed.currentVersion());
    }
    throw new ContactNotFoundException(id);
  }
}
