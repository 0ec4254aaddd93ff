package org.contacts.repository;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repository on the project's embedded datastore, which every machine has. */
class MongoContactRepositoryTest extends ContactRepositoryContract {

  @RegisterExtension
  static final EmbeddedCollections DATASTORE =
      new EmbeddedCollections(ContactRepositoryContract::countingCommands);

  @Override
  protected MongoCollection<Document> newCollection() {
    return DATASTORE.newCollection();
  }
}
