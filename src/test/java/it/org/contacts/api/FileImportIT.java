package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.ContactFiles;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.contacts.exchange.PhoneCards;
import org.junit.jupiter.api.Test;

/**
 * Files from elsewhere posted to /contacts: a phone's vCards, a spreadsheet's CSV, good and bad
 * records mixed, the same file twice, and files past the bounds or not text at all.
 */
class FileImportIT extends DeployedServiceBase {

  private static String tag() {
    return "im" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aPhonesCardsAreStoredWithWhatContactsKeep() {
    ApiResponse report = ContactFiles.importFile("text/vcard", PhoneCards.file(tag()), "");
    try {
      assertEquals(201, report.status(), () -> "both stored: " + report);
      assertTrue(
          report.attributes().getJsonArray("ignored").toString().contains("PHOTO"),
          () -> "the photo is named as not kept: " + report);
      JsonObject johnny =
          Api.getJsonApi("/contacts/" + ContactFiles.createdIds(report).get(0)).attributes();
      assertTrue(johnny.getString("email").endsWith("@example.org"), "unfolded: " + johnny);
      assertEquals("(555) 010-0002", johnny.getString("phone1"), "the preferred number");
      assertEquals("+1 (555) 010-0001", johnny.getString("phone2"), "then the first other");
      assertEquals("Cupertino", johnny.getString("city"), "the address");
    } finally {
      ContactFiles.deleteCreated(report);
    }
  }

  /** The original author's sample shape: bare CR, quoted cells, snake_case, unquoted zips. */
  private static String sampleShapedCsv(String tag, int rows) {
    StringBuilder csv =
        new StringBuilder(
            "\"first_name\",\"last_name\",\"company_name\",\"address\",\"city\",\"county\","
                + "\"state\",\"zip\",\"phone1\",\"phone2\",\"email\",\"web\"\r");
    for (int i = 0; i < rows; i++) {
      csv.append(
          String.format(
              "\"Person%d\",\"Sample\",\"%s\",\"%d Main St\",\"Bridgewater\",\"Somerset\","
                  + "\"NJ\",%d,\"908-555-%04d\",\"908-555-%04d\",\"p%d.%s@example.org\","
                  + "\"http://www.example%d.com\"\r",
              i, tag, i, 8807 + i, i, i + 5000, i, tag, i));
    }
    return csv.toString();
  }

  /** The export of the contacts whose company is the tag holds its header row alone. */
  private static void assertNothingStored(String tag, String message) {
    ApiResponse left = ContactFiles.export("/contacts?filter%5BcompanyName%5D=" + tag, "text/csv");
    assertEquals(1, left.body().strip().split("\r\n").length, message);
  }

  @Test
  void aBareCrCsvWithSnakeCaseHeadersIsStoredWithZipsAsWritten() {
    ApiResponse report = ContactFiles.importFile("text/csv", sampleShapedCsv(tag(), 5), "");
    try {
      assertEquals(201, report.status(), () -> "all five: " + report);
      assertEquals(5, report.attributes().getInt("created"), "five created");
      JsonObject first =
          Api.getJsonApi("/contacts/" + ContactFiles.createdIds(report).get(0)).attributes();
      assertEquals("8807", first.getString("zip"), "the zip as the file wrote it");
      assertEquals("http://www.example0.com", first.getString("website"), "web is website");
      assertEquals("Somerset", first.getString("county"), "the county");
    } finally {
      ContactFiles.deleteCreated(report);
    }
  }

  @Test
  void mixedRecordsStoreTheGoodAndReportExactlyTheBadWithTheirPositions() {
    String tag = tag();
    String csv =
        "firstName,lastName,companyName,email\n"
            + "Ann,Lee,"
            + tag
            + ",\n"
            + ",Ray,"
            + tag
            + ",\n"
            + "Cy,Poe,"
            + tag
            + ",not-an-address\n"
            + "Di,Ng,"
            + tag
            + ",\n";
    ApiResponse report = ContactFiles.importFile("text/csv", csv, "");
    try {
      assertEquals(200, report.status(), () -> "some stored: " + report);
      JsonObject attributes = report.attributes();
      assertEquals(4, attributes.getInt("received"), "four records");
      assertEquals(2, attributes.getInt("created"), "two stored");
      assertEquals(2, attributes.getInt("refused"), "two refused");
      JsonObject missing = ContactFiles.refusalMeta(report, 0);
      assertEquals(2, missing.getInt("record"), "the second record");
      assertEquals(3, missing.getInt("line"), "on line 3");
      assertEquals("firstName", missing.getString("attribute"), "its first name");
      JsonObject email = ContactFiles.refusalMeta(report, 1);
      assertEquals(3, email.getInt("record"), "the third record");
      assertEquals("email", email.getString("attribute"), "its email");
    } finally {
      ContactFiles.deleteCreated(report);
    }
  }

  @Test
  void aFileOfOnlyBadRecordsIs422WithAnErrorPerRecord() {
    ApiResponse refused =
        ContactFiles.importFile("text/csv", "firstName,lastName\n,Lee\nBo,\n", "");

    assertEquals(422, refused.status(), () -> "nothing stored: " + refused);
    assertEquals(2, refused.json().getJsonArray("errors").size(), "one error per record");
    assertEquals(2, refused.error().getJsonObject("meta").getInt("line"), "the first on line 2");
  }

  @Test
  void theSameFileTwiceStoresItOnceUnlessDuplicatesAreAskedFor() {
    String csv = sampleShapedCsv(tag(), 2);
    ApiResponse first = ContactFiles.importFile("text/csv", csv, "");
    ApiResponse again = ContactFiles.importFile("text/csv", csv, "");
    ApiResponse duplicates = ContactFiles.importFile("text/csv", csv, "?onDuplicate=create");
    try {
      assertEquals(201, first.status(), () -> "first: " + first);
      assertEquals(409, again.status(), () -> "again, every email in use: " + again);
      assertEquals("email", again.error().getJsonObject("meta").getString("attribute"), "why");
      assertEquals(201, duplicates.status(), () -> "asked for: " + duplicates);
    } finally {
      ContactFiles.deleteCreated(first);
      ContactFiles.deleteCreated(duplicates);
    }
  }

  @Test
  void moreRecordsThanAnImportMayHoldIs413AndStoresNothing() {
    String tag = tag();
    ApiResponse refused = ContactFiles.importFile("text/csv", sampleShapedCsv(tag, 1001), "");

    assertEquals(413, refused.status(), () -> "past the record limit: " + refused);
    assertNothingStored(tag, "only the header: nothing stored");
  }

  @Test
  void aBodyPastTheLimitIs413EvenWithoutALength() {
    byte[] chunk =
        ("firstName,lastName\n" + "Ann,Lee\n".repeat(8000)).getBytes(StandardCharsets.UTF_8);
    Iterable<byte[]> chunks = () -> Stream.generate(() -> chunk).limit(70).iterator();
    ApiResponse refused =
        Api.send(
            Api.request("/contacts")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks))
                .build());

    assertEquals(413, refused.status(), () -> "over 4 MiB, chunked: " + refused);
  }

  @Test
  void binaryDataIs400NamingTheLineAndTheServiceStaysUp() {
    byte[] binary = new byte[4096];
    new java.util.Random(21).nextBytes(binary);
    for (String type : List.of("text/csv", "text/vcard")) {
      byte[] body = ("firstName,lastName\nAnn,Lee\n").getBytes(StandardCharsets.UTF_8);
      byte[] file = Arrays.copyOf(body, body.length + binary.length);
      System.arraycopy(binary, 0, file, body.length, binary.length);

      ApiResponse refused = ContactFiles.importBytes(type, file, "");

      assertEquals(400, refused.status(), () -> type + ": " + refused);
      assertTrue(refused.error().getJsonObject("meta").getInt("line") >= 1, "names a line");
    }
    assertEquals(200, Api.getUnchecked("/health/ready").status(), "the service is up");
  }

  @Test
  void aLineOfMegabytesIs400AndStoresNothing() {
    String tag = tag();
    String csv =
        "firstName,lastName,companyName\nAnn,Lee,"
            + tag
            + "\nBo,"
            + "x".repeat(3 * 1024 * 1024)
            + ","
            + tag
            + "\n";

    ApiResponse refused = ContactFiles.importFile("text/csv", csv, "");

    assertEquals(400, refused.status(), () -> "a 3 MB line: " + refused.status());
    assertEquals(3, refused.error().getJsonObject("meta").getInt("line"), "line 3");
    assertNothingStored(tag, "Ann was not stored either");
  }

  @Test
  void aCardWithAPhotoOfMegabytesIs400NamingItsLineAndStoresNothing() {
    String tag = tag();
    String vcf =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nORG:"
            + tag
            + "\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ray;Bo;;;\r\nFN:Bo Ray\r\nORG:"
            + tag
            + "\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
            + "A".repeat(3 * 1024 * 1024)
            + "\r\nEND:VCARD\r\n";

    ApiResponse refused = ContactFiles.importFile("text/vcard", vcf, "");

    assertEquals(400, refused.status(), () -> "a 3 MB photo: " + refused.status());
    assertEquals(12, refused.error().getJsonObject("meta").getInt("line"), "the photo's line");
    assertNothingStored(tag, "Ann was not stored either");
  }

  @Test
  void aFileCannotReplaceOrChangeAContact() {
    ApiResponse refused =
        Api.send(
            "PATCH",
            "/contacts/5f8f8c44b54764421b7156c3",
            "firstName\nAnn\n",
            "Content-Type",
            "text/csv");

    assertEquals(415, refused.status(), () -> "PATCH with CSV: " + refused);
  }
}
