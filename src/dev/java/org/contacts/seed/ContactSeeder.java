package org.contacts.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.contacts.datastore.DatastorePreparation;
import org.contacts.datastore.DatastoreSettings;
import org.contacts.datastore.MongoProducer;
import org.contacts.model.ContactQuery;
import org.contacts.repository.ContactRepository;

/**
 * Fills an empty embedded datastore with generated contacts, so the service has something to show.
 * A datastore given by MONGO_URI is never touched.
 */
@ApplicationScoped
public class ContactSeeder implements DatastorePreparation {

  private static final Logger LOG = Logger.getLogger(ContactSeeder.class.getName());

  @Inject ContactRepository repository;
  @Inject MongoProducer producer;
  @Inject DatastoreSettings settings;

  @Override
  public void prepare() {
    if (producer.usesEmbedded()) {
      seedIfEmpty(settings.seedCount());
    }
  }

  void seedIfEmpty(int count) {
    if (!isEmpty()) {
      return;
    }
    repository.insertAll(new ContactGenerator(ContactGenerator.DEFAULT_SEED).generate(count));
    LOG.info(() -> "Seeded the empty embedded datastore with " + count + " generated contacts");
  }

  private boolean isEmpty() {
    ContactQuery firstContact =
        new ContactQuery(Map.of(), null, List.of(), ContactQuery.Page.numbered(1, 1));
    return repository.findPage(firstContact).contacts().isEmpty();
  }
}
