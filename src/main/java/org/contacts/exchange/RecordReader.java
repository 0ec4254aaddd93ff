package org.contacts.exchange;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/** Reads the contacts of a file one at a time, so that a file of any length needs little memory. */
public interface RecordReader extends Closeable {

  /**
   * The next contact, or empty at the end of the file.
   *
   * @throws MalformedFileException when the file cannot be read from here on
   */
  Optional<ImportedRecord> next();

  /** What the file holds that contacts do not keep: CSV columns or vCard properties, by name. */
  List<String> ignored();

  @Override
  void close();
}
