package org.contacts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VCardMappingTest {

  private static final ContactId ID = new ContactId("5f8f8c44b54764421b7156c3");

  static Map<String, String> everyAttribute() {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : ContactAttributes.NAMES) {
      attributes.put(name, "v-" + name + ", with; odd: chars\\");
    }
    attributes.put("firstName", "Zoë");
    attributes.put("lastName", "O'Brien-Smith");
    attributes.put("email", "zoe@example.org");
    attributes.put("website", "https://example.org/zoe?a=1;b=2");
    attributes.put("zip", "01234");
    return attributes;
  }

  static String write(ExchangeFormat format, Contact... contacts) throws IOException {
    StringWriter text = new StringWriter();
    try (ContactWriter writer = format.writer(text, ContactAttributes.NAMES)) {
      for (Contact contact : contacts) {
        writer.write(contact);
      }
    }
    return text.toString();
  }

  static List<ImportedRecord> read(ExchangeFormat format, String text) {
    List<ImportedRecord> records = new ArrayList<>();
    try (RecordReader reader =
        format.reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      for (Optional<ImportedRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(next.get());
      }
    }
    return records;
  }

  @ParameterizedTest
  @EnumSource(ExchangeFormat.class)
  void everyAttributeAndTheIdComeBack(ExchangeFormat format) throws IOException {
    Contact contact = new Contact(ID, 3, everyAttribute());

    List<ImportedRecord> records = read(format, write(format, contact));

    assertEquals(1, records.size(), "one record");
    assertEquals(everyAttribute(), records.get(0).attributes(), "every attribute, as it was");
    assertEquals(ID.text(), records.get(0).id(), "the id");
  }

  @ParameterizedTest
  @EnumSource(ExchangeFormat.class)
  void aContactWithOnlyItsNamesComesBackWithOnlyItsNames(ExchangeFormat format) throws IOException {
    Contact contact = new Contact(ID, 1, Map.of("firstName", "Ann", "lastName", "Lee"));

    assertEquals(
        Map.of("firstName", "Ann", "lastName", "Lee"),
        read(format, write(format, contact)).get(0).attributes(),
        "nothing added");
  }

  @Test
  void vCardsAreWrittenInTheVersionAskedFor() throws IOException {
    Contact contact = new Contact(ID, 1, everyAttribute());

    String four = write(ExchangeFormat.VCARD_4, contact);
    String three = write(ExchangeFormat.VCARD_3, contact);

    assertTrue(four.contains("VERSION:4.0"), four);
    assertTrue(three.contains("VERSION:3.0"), three);
    assertTrue(four.contains("X-COUNTY="), "the county as a parameter of ADR: " + four);
    assertTrue(four.contains("PREF=1"), "phone1 preferred: " + four);
    assertTrue(
        three.toUpperCase().contains("TYPE=VOICE,PREF") || three.toUpperCase().contains("PREF"),
        three);
  }

  @Test
  void aPhoneExportWithFoldedLinesPhotosAndUnknownPropertiesReadsAsItsContacts() {
    String file = PhoneCards.file("Apple");

    List<ImportedRecord> records;
    try (RecordReader reader =
        ExchangeFormat.VCARD_3.reader(
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
      records = new ArrayList<>();
      for (Optional<ImportedRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(next.get());
      }
      assertTrue(
          reader.ignored().contains("PHOTO"), "PHOTO named as not kept: " + reader.ignored());
    }

    assertEquals(2, records.size(), "two cards");
    ImportedRecord johnny = records.get(0);
    assertEquals("johnny.Apple@example.org", johnny.attributes().get("email"), "unfolded");
    assertEquals("(555) 010-0002", johnny.attributes().get("phone1"), "the preferred number first");
    assertEquals("+1 (555) 010-0001", johnny.attributes().get("phone2"), "then the first other");
    assertEquals("1 Infinite Loop", johnny.attributes().get("address"), "the street");
    assertEquals("95014", johnny.attributes().get("zip"), "the postal code");
    assertEquals("Apple", johnny.attributes().get("companyName"), "the organisation");
    assertEquals(1, johnny.line(), "the first card begins on line 1");
    assertEquals(20, records.get(1).line(), "the second on line 20");
  }

  @Test
  void aBodyWithoutCardsIsMalformed() {
    assertThrows(
        MalformedFileException.class,
        () -> read(ExchangeFormat.VCARD_4, "this is not a vcard\r\n"),
        "no BEGIN:VCARD");
  }
}
