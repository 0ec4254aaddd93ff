package org.contacts.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.contacts.datastore.DatastorePreparation;

/** The indexes of the contacts collection, created when the datastore is prepared. */
@ApplicationScoped
public class ContactIndexes implements DatastorePreparation {

  @Inject ContactRepository repository;

  @Override
  public void prepare() {
    repository.ensureIndexes();
  }
}
