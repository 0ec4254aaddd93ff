package org.contacts.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.contacts.repository.ContactMapping;

/**
 * Writes generated contacts as MongoDB extended JSON, one document a line, in the stored form that
 * {@link ContactMapping} gives them, for {@code mongoimport} or the datastore image's init step.
 *
 * <p>Usage: {@code ContactFileWriter <file> [count] [seed]}
 */
public final class ContactFileWriter {

  /** Canonical extended JSON keeps the types: the id an ObjectId, the version a 64-bit integer. */
  private static final JsonWriterSettings EXTENDED_JSON =
      JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  private ContactFileWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ContactFileWriter <file> [count] [seed]");
    }
    Path file = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : ContactGenerator.DEFAULT_SEED;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out, count, seed);
    }
  }

  static void write(Writer out, int count, long seed) throws IOException {
    ContactGenerator generator = new ContactGenerator(seed);
    BufferedWriter lines = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
    for (int i = 0; i < count; i++) {
      lines.write(
          ContactMapping.toDocument(new ObjectId(), 1, generator.next()).toJson(EXTENDED_JSON));
      lines.newLine();
    }
    lines.flush();
  }
}
