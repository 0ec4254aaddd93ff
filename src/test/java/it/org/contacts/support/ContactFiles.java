package it.org.contacts.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Contacts in and out of the service under test as vCard and CSV files. */
public final class ContactFiles {

  private ContactFiles() {}

  /** A GET answered with a file rather than a document. */
  public static ApiResponse export(String path, String accept) {
    return Api.sendUnchecked(Api.request(path).header("Accept", accept).GET().build());
  }

  /** Posts a file to /contacts (with a query such as "?onDuplicate=create", or ""). */
  public static ApiResponse importFile(String contentType, String file, String query) {
    return importBytes(contentType, file.getBytes(StandardCharsets.UTF_8), query);
  }

  public static ApiResponse importBytes(String contentType, byte[] file, String query) {
    return Api.send(
        Api.request("/contacts" + query)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
            .build());
  }

  /** The ids an import report says it created. */
  public static List<String> createdIds(ApiResponse report) {
    return report.attributes().getJsonArray("ids").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** Deletes what an import created, whatever the test found. */
  public static void deleteCreated(ApiResponse report) {
    if (report.status() == 200 || report.status() == 201) {
      createdIds(report).forEach(Api::deleteContact);
    }
  }

  /** The meta of the error object at an index of an import report's refusals. */
  public static JsonObject refusalMeta(ApiResponse report, int index) {
    return report.attributes().getJsonArray("refusals").getJsonObject(index).getJsonObject("meta");
  }
}
