package org.contacts.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.contacts.repository.ContactRepository;

/**
 * Fills an empty development datastore with generated contacts, so the service has something to
 * show.
 */
@ApplicationScoped
public class ContactSeeder {

  private static final Logger LOG = Logger.getLogger(ContactSeeder.class.getName());

  @Inject ContactRepository repository;

  public void seedIfEmpty(int count) {
    if (repository.count() > 0) {
      return;
    }
    repository.insertAll(new ContactGenerator(ContactGenerator.DEFAULT_SEED).generate(count));
    LOG.info(() -> "Seeded the empty embedded datastore with " + count + " generated contacts");
  }
}
