package org.contacts.datastore.embedded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.contacts.datastore.DatastoreSettings;
import org.contacts.datastore.EmbeddedDatastore;

/**
 * The development build's embedded datastore: {@link EmbeddedMongo} over the configured file, on
 * the usual MongoDB port when it is free, so that MongoDB tools find it.
 */
@ApplicationScoped
public class EmbeddedMongoDatastore implements EmbeddedDatastore {

  private static final Logger LOG = Logger.getLogger(EmbeddedMongoDatastore.class.getName());

  @Inject DatastoreSettings settings;

  private EmbeddedMongo server;

  @Override
  public synchronized String start() {
    if (server == null) {
      Path file = Path.of(settings.embeddedFile()).toAbsolutePath();
      server = startOnPreferredPort(file);
      LOG.warning(
          () ->
              "MONGO_URI is not set: using the EMBEDDED development datastore at "
                  + server.connectionString()
                  + ", data in "
                  + file
                  + ". Set MONGO_URI to use MongoDB.");
      LOG.warning(
          "The embedded datastore's change stream serves the change feed, but its oplog is never"
              + " trimmed (so no feed cursor ever expires: no 410 here), it records no"
              + " findAndModify, and it has no resume token before the first change (the full"
              + " read starts a second early); see docs/api.md, the change feed.");
    }
    return server.connectionString();
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
      LOG.info("Embedded datastore stopped");
    }
  }

  private EmbeddedMongo startOnPreferredPort(Path file) {
    try {
      return EmbeddedMongo.start(file, settings.embeddedPort());
    } catch (RuntimeException portTaken) {
      LOG.warning(
          () ->
              "Port "
                  + settings.embeddedPort()
                  + " is taken; the embedded datastore uses a free one");
      return EmbeddedMongo.start(file, 0);
    }
  }
}
