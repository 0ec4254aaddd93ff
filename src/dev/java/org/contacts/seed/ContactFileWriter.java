package org.contacts.seed;

import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.types.ObjectId;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.repository.ContactMapping;

/**
 * Writes generated contacts as MongoDB extended JSON, one document a line, in the stored form the
 * service reads, for {@code mongoimport} or the datastore image's init step.
 *
 * <p>Usage: {@code ContactFileWriter <file> [count] [seed]}
 */
public final class ContactFileWriter {

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
      Map<String, String> attributes = generator.next();
      JsonObjectBuilder document =
          JsonBuilders.object()
              .add(
                  ContactMapping.ID,
                  JsonBuilders.object().add("$oid", new ObjectId().toHexString()));
      attributes.forEach(document::add);
      document.add(ContactMapping.VERSION, JsonBuilders.object().add("$numberLong", "1"));
      document.add(
          ContactMapping.SEARCH, JsonBuilders.array(ContactMapping.searchKeys(attributes)));
      lines.write(document.build().toString());
      lines.newLine();
    }
    lines.flush();
  }
}
