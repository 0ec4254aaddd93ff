package org.contacts.repository;

/** A contact was to be created under an id that another contact already has. */
public class DuplicateContactException extends RuntimeException {

  private final String id;

  public DuplicateContactException(String id) {
    super("A contact with id " + id + " already exists", null, false, false);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
