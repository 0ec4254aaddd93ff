package org.contacts.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.bson.Document;
import org.contacts.model.Contact;
import org.contacts.repository.ContactMapping;
import org.junit.jupiter.api.Test;

class ContactFileWriterTest {

  @Test
  void eachLineIsAStoredContactTheServiceReadsBackAsGenerated() throws IOException {
    StringWriter out = new StringWriter();
    ContactFileWriter.write(out, 3, 42);

    List<String> lines = out.toString().lines().toList();
    List<Contact> read =
        lines.stream().map(Document::parse).map(ContactMapping::toContact).toList();
    assertEquals(
        new ContactGenerator(42).generate(3),
        read.stream().map(Contact::attributes).toList(),
        "the generated attributes, one contact a line");
    assertEquals(List.of(1L, 1L, 1L), read.stream().map(Contact::version).toList(), "version 1");
    assertEquals(
        ContactMapping.searchKeys(read.get(0).attributes()),
        Document.parse(lines.get(0)).getList(ContactMapping.SEARCH, String.class),
        "searchable as the service stores contacts");
  }
}
