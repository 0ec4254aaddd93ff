package org.contacts.exchange;

import java.io.Closeable;
import java.io.IOException;
import org.contacts.model.Contact;

/** Writes contacts to a file one at a time, so that an export of any length needs little memory. */
public interface ContactWriter extends Closeable {

  void write(Contact contact) throws IOException;

  /** Finishes the file and flushes it; the stream underneath stays open. */
  @Override
  void close() throws IOException;
}
