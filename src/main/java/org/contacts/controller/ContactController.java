package org.contacts.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Change;
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

  /** Every contact the query selects, not one page, in its order; the caller closes it. */
  public Stream<Contact> export(ContactQuery query) {
    return repository.findAllMatching(query);
  }

  public Contact get(ContactId id) {
    return repository.findById(id).orElseThrow(() -> new ContactNotFoundException(id));
  }

  /**
   * Creates a contact under a new id, or under the client's when it gives one (null if not). Every
   * write names its author: the subject of the caller's token, or null without tokens.
   */
  public Contact create(ContactId id, AttributeChanges sent, String author) {
    validate(sent, true);
    try {
      return repository.insert(id, sent.values(), Change.now(author));
    } catch (DuplicateContactException e) {
      throw new ContactAlreadyExistsException(e.id());
    }
  }

  /** Changes the attributes given and leaves the others as they are. */
  public Contact update(
      ContactId id, AttributeChanges sent, ExpectedVersion expected, String author) {
    validate(sent, false);
    return written(id, expected, repository.update(id, expected, sent, Change.now(author)));
  }

  /** Replaces every attribute; those not given are removed. */
  public Contact replace(
      ContactId id, AttributeChanges sent, ExpectedVersion expected, String author) {
    validate(sent, true);
    return written(
        id, expected, repository.replace(id, expected, sent.values(), Change.now(author)));
  }

  public void delete(ContactId id, ExpectedVersion expected, String author) {
    written(id, expected, repository.delete(id, expected, Change.now(author)));
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
