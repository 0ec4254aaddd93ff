package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.ContactFiles;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contacts out as vCard 4.0, vCard 3.0 and CSV, and back in: an export imported into a collection
 * without those contacts gives back every attribute and id, and the same file again.
 */
class FileRoundTripIT extends DeployedServiceBase {

  private static Map<String, String> contact(String tag, String first, String formula) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("firstName", first);
    attributes.put("lastName", "Round-Trip, Jr.");
    attributes.put("companyName", tag);
    attributes.put("address", formula);
    attributes.put("city", "New Orleans");
    attributes.put("county", "Orleans");
    attributes.put("state", "LA");
    attributes.put("zip", "07094");
    attributes.put("phone1", "+1 504-621-8927");
    attributes.put("phone2", "504-845-1427");
    attributes.put("email", first.toLowerCase() + "-" + tag + "@example.org");
    attributes.put("website", "http://www.example.org/?a=1;b=2");
    return attributes;
  }

  private static String selection(String tag) {
    return "/contacts?filter%5BcompanyName%5D=" + tag + "&sort=firstName";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "text/vcard, text/vcard, vcf",
    "'text/vcard;version=3.0', text/vcard, vcf",
    "text/csv, text/csv, csv"
  })
  void anExportImportedAgainGivesBackEveryAttributeAndTheSameFile(
      String accept, String contentType, String extension) {
    String tag = "rt" + UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, String>> contacts =
        List.of(
            contact(tag, "Ann", "=HYPERLINK(\"http://evil.example\")"),
            contact(tag, "Bo", "@SUM(1+1)"),
            contact(tag, "Cy", "1 Main St; Apt 2, \"B\"\nSecond line"));
    List<String> ids = new ArrayList<>();
    contacts.forEach(attributes -> ids.add(Api.createContact(attributes)));
    ApiResponse imported = null;
    try {
      ApiResponse first = ContactFiles.export(selection(tag), accept);
      assertEquals(200, first.status(), () -> "export: " + first);
      assertTrue(
          first.header("Content-Type").startsWith(contentType), () -> first.header("Content-Type"));
      assertEquals(
          "attachment; filename=\"contacts." + extension + "\"",
          first.header("Content-Disposition"),
          "a file to save");
      ids.forEach(Api::deleteContact);

      imported = ContactFiles.importFile(contentType, first.body(), "");
      ApiResponse report = imported;
      assertEquals(201, report.status(), () -> "every contact stored: " + report);
      assertEquals("imports", report.data().getString("type"), "an import report");
      assertEquals(3, report.attributes().getInt("created"), "three created");
      assertEquals(ids, ContactFiles.createdIds(report), "under the ids they had");
      for (int i = 0; i < ids.size(); i++) {
        JsonObject stored = Api.getJsonApi("/contacts/" + ids.get(i)).attributes();
        for (Map.Entry<String, String> attribute : contacts.get(i).entrySet()) {
          assertEquals(
              attribute.getValue(),
              stored.getString(attribute.getKey()),
              accept + ": " + attribute.getKey() + " comes back");
        }
      }
      ApiResponse second = ContactFiles.export(selection(tag), accept);
      assertEquals(first.body(), second.body(), "the same file again");
    } finally {
      ids.forEach(Api::deleteContact);
    }
  }

  @Test
  void aCsvExportNeutralisesFormulaCells() {
    String tag = "fx" + UUID.randomUUID().toString().substring(0, 8);
    String id = Api.createContact(contact(tag, "Ann", "=1+2"));
    try {
      ApiResponse csv = ContactFiles.export(selection(tag), "text/csv");

      assertTrue(csv.body().contains(",'=1+2,"), () -> "an apostrophe before =: " + csv.body());
      assertTrue(csv.body().contains(",'+1 504-621-8927,"), () -> "and before +: " + csv.body());
      assertFalse(csv.body().contains(",=1+2,"), "no cell begins with =");
      assertTrue(
          csv.body().startsWith("id,firstName,lastName,companyName,address,"),
          () -> "a header row of the attribute names: " + csv.body());
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void oneContactIsAFileWithItsEntityTagAndConditionalRequests() {
    String tag = "one" + UUID.randomUUID().toString().substring(0, 8);
    String id = Api.createContact(contact(tag, "Ann", "1 Main St"));
    try {
      ApiResponse card = ContactFiles.export("/contacts/" + id, "text/vcard;version=3.0");
      assertEquals(200, card.status(), () -> "GET: " + card);
      assertTrue(card.body().contains("VERSION:3.0"), card::body);
      assertTrue(card.body().contains("UID:" + id), card::body);
      assertEquals(
          "attachment; filename=\"contact-" + id + ".vcf\"",
          card.header("Content-Disposition"),
          "named after the contact");
      String tagged = card.header("ETag");
      assertEquals("\"1-v3\"", tagged, "its version, in this format");

      ApiResponse unchanged = conditionalGet(id, "text/vcard;version=3.0", tagged);
      assertEquals(304, unchanged.status(), "not modified");
      ApiResponse other = conditionalGet(id, "text/csv", tagged);
      assertEquals(200, other.status(), "another format is another representation");
    } finally {
      Api.deleteContact(id);
    }
  }

  private static ApiResponse conditionalGet(String id, String accept, String ifNoneMatch) {
    return Api.sendUnchecked(
        Api.request("/contacts/" + id)
            .header("Accept", accept)
            .header("If-None-Match", ifNoneMatch)
            .build());
  }

  @Test
  void anUnservedTypeIs406NamingEveryTypeOnOffer() {
    ApiResponse refused = Api.send("GET", "/contacts", null, "Accept", "text/html");

    assertEquals(406, refused.status(), () -> "not acceptable: " + refused);
    String detail = refused.error().getString("detail");
    for (String type : List.of("application/vnd.api+json", "text/vcard", "text/csv")) {
      assertTrue(detail.contains(type), () -> type + " named: " + detail);
    }
  }

  @Test
  void aHeadOfAnExportAnswersTheHeadersAlone() {
    ApiResponse head =
        Api.sendUnchecked(
            Api.request("/contacts")
                .header("Accept", "text/csv")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());

    assertEquals(200, head.status(), () -> "HEAD: " + head);
    assertEquals(
        "attachment; filename=\"contacts.csv\"", head.header("Content-Disposition"), "the name");
    assertEquals("", head.body(), "no body");
  }

  @Test
  void aWildcardStillMeansJson() {
    ApiResponse response = Api.send("GET", "/contacts?page%5Bsize%5D=1", null, "Accept", "*/*");

    assertEquals(200, response.status(), () -> "GET: " + response);
    assertTrue(
        response.header("Content-Type").contains("json"), () -> response.header("Content-Type"));
  }
}
