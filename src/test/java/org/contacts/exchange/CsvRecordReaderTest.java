package org.contacts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<ImportedRecord> read(String csv) {
    return read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<ImportedRecord> read(byte[] bytes) {
    List<ImportedRecord> records = new ArrayList<>();
    try (RecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes))) {
      for (Optional<ImportedRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        records.add(next.get());
      }
    }
    return records;
  }

  @Test
  void readsBareCrLinesSnakeCaseHeadersAndUnquotedZipsAsWritten() {
    String csv =
        "\"first_name\",\"last_name\",\"company_name\",\"county\",\"zip\",\"phone1\",\"web\"\r"
            + "\"James\",\"Butt\",\"Benton, John B Jr\",\"Orleans\",70116,\"504-621-8927\","
            + "\"http://www.bentonjohnbjr.com\"\r"
            + "\"Josephine\",\"Darakjy\",\"Chanay, Jeffrey A Esq\",\"Livingston\",8014,"
            + "\"810-292-9388\",\"http://www.chanayjeffreyaesq.com\"\r";

    List<ImportedRecord> records = read(csv);

    assertEquals(2, records.size(), "two records: " + records);
    assertEquals(
        Map.of(
            "firstName", "Josephine",
            "lastName", "Darakjy",
            "companyName", "Chanay, Jeffrey A Esq",
            "county", "Livingston",
            "zip", "8014",
            "phone1", "810-292-9388",
            "website", "http://www.chanayjeffreyaesq.com"),
        records.get(1).attributes(),
        "snake_case and web mapped; the zip as the file wrote it");
    assertEquals(3, records.get(1).line(), "the second record is on line 3");
    assertEquals("web", records.get(1).sourceOf("website"), "named as the file named it");
  }

  @Test
  void spacedAndCamelCaseHeadersAndSynonymsMapToAttributes() {
    List<ImportedRecord> records =
        read("First Name,lastName,Company,E-mail Address,id\nAnn,Lee,Acme,ann@example.org,\n");

    assertEquals(
        Map.of(
            "firstName",
            "Ann",
            "lastName",
            "Lee",
            "companyName",
            "Acme",
            "email",
            "ann@example.org"),
        records.get(0).attributes(),
        "each header understood");
  }

  @Test
  void unknownColumnsAreIgnoredAndNamed() {
    try (RecordReader reader =
        new CsvRecordReader(
            new ByteArrayInputStream(
                "firstName,lastName,notes\nAnn,Lee,likes tea\n"
                    .getBytes(StandardCharsets.UTF_8)))) {
      ImportedRecord ann = reader.next().orElseThrow();
      assertEquals(Map.of("firstName", "Ann", "lastName", "Lee"), ann.attributes(), "no notes");
      assertEquals(List.of("notes"), reader.ignored(), "the column named as ignored");
    }
  }

  @Test
  void anIdColumnKeepsContactIdsOnly() {
    List<ImportedRecord> records =
        read("id,firstName,lastName\n5f8f8c44b54764421b7156c3,Ann,Lee\n17,Bo,Ray\n");

    assertEquals("5f8f8c44b54764421b7156c3", records.get(0).id(), "a contact id is kept");
    assertEquals(null, records.get(1).id(), "another system's id is not");
  }

  @Test
  void moreCellsThanColumnsIsAProblemOfThatRecord() {
    List<ImportedRecord> records = read("firstName,lastName\nAnn,Lee,extra\nBo,Ray\n");

    assertEquals(1, records.get(0).problems().size(), "the long record has a problem");
    assertTrue(records.get(1).problems().isEmpty(), "the next one none");
  }

  @Test
  void aHeaderWithoutAttributesIsMalformedAtLineOne() {
    MalformedFileException e =
        assertThrows(MalformedFileException.class, () -> read("a,b,c\n1,2,3\n"));
    assertEquals(1, e.line(), "line 1");
  }

  @Test
  void anUnclosedQuoteIsMalformedAtItsLine() {
    MalformedFileException e =
        assertThrows(
            MalformedFileException.class,
            () -> read("firstName,lastName\nAnn,Lee\nBo,\"Ray\" x,\n"));
    assertTrue(e.line() >= 3, "names the line of the bad record or after: " + e.line());
  }

  @Test
  void binaryDataIsMalformedAndNamed() {
    byte[] bytes = {'f', 'i', 'r', 's', 't', 'N', 'a', 'm', 'e', '\n', 0, 1, 2, (byte) 0xff};
    MalformedFileException e = assertThrows(MalformedFileException.class, () -> read(bytes));
    assertEquals(2, e.line(), () -> "on line 2: " + e.getMessage());
  }

  @Test
  void aLineOfMegabytesEndsTheReadingWithoutFillingTheMemory() {
    String csv = "firstName,lastName\nAnn," + "x".repeat(3 * CheckedText.MAX_RECORD_CHARS) + "\n";
    MalformedFileException e = assertThrows(MalformedFileException.class, () -> read(csv));
    assertTrue(e.getMessage().contains("longer than"), e.getMessage());
  }
}
