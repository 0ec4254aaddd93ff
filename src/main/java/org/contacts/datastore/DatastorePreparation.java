package org.contacts.datastore;

/**
 * Work that a reachable datastore needs before the service is ready, such as indexes or a seed. The
 * layers above provide it as CDI beans; {@link DatastoreInitializer} runs each until all have
 * succeeded once, so each must be safe to repeat.
 */
public interface DatastorePreparation {

  /** Does the work; throws when the datastore cannot be reached. */
  void prepare();
}
