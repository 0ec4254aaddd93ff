package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When each contact was created and last changed: in meta, sortable and filterable. */
class ProvenanceIT extends DeployedServiceBase {

  private static final String RFC_3339_UTC_MILLIS =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @Test
  void jsonApiClientsSeeWhenAContactWasCreatedAndLastChanged() {
    String id = Api.createContact(Map.of("firstName", "Mary", "lastName", "Somerville"));
    try {
      JsonObject created = Api.getJsonApi("/contacts/" + id).data().getJsonObject("meta");
      String createdAt = created.getString("createdAt");
      assertTrue(createdAt.matches(RFC_3339_UTC_MILLIS), () -> "RFC 3339 UTC millis: " + created);
      assertEquals(createdAt, created.getString("updatedAt"), "a new contact: created is changed");
      assertFalse(created.containsKey("createdBy"), "no subject without tokens");

      ApiResponse patched =
          Api.sendJsonApi(
              "PATCH",
              "/contacts/" + id,
              "{\"data\":{\"type\":\"contacts\",\"id\":\"" + id + "\",\"attributes\":{}}}");
      JsonObject changed = patched.data().getJsonObject("meta");
      assertEquals(createdAt, changed.getString("createdAt"), "created once");
      assertFalse(
          Instant.parse(changed.getString("updatedAt")).isBefore(Instant.parse(createdAt)),
          () -> "changed since: " + changed);
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void theOriginalsClientsGetTheirRepresentationUnchanged() {
    String id = Api.createContact(Map.of("firstName", "Mary", "lastName", "Somerville"));
    try {
      JsonObject data = Api.get("/contacts/" + id).data();
      assertFalse(data.containsKey("meta"), () -> "no meta for the original's clients: " + data);
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void contactsSortByTheirLastChangeAndFilterByIt() {
    String first = Api.createContact(Map.of("firstName", "Ada", "lastName", "Provenance"));
    String second = Api.createContact(Map.of("firstName", "Bo", "lastName", "Provenance"));
    try {
      String since =
          Api.getJsonApi("/contacts/" + first).data().getJsonObject("meta").getString("createdAt");
      Api.send(
          "PATCH",
          "/contacts/" + first,
          "{\"city\":\"Later\"}",
          "Content-Type",
          "application/json");
      ApiResponse sorted =
          Api.getJsonApi(
              "/contacts?filter%5BlastName%5D=Provenance&sort=-updatedAt&filter%5BupdatedSince%5D="
                  + since);
      assertEquals(200, sorted.status(), () -> "sort and filter by the last change: " + sorted);
      List<String> ids =
          sorted.json().getJsonArray("data").stream()
              .map(value -> value.asJsonObject().getString("id"))
              .toList();
      assertEquals(List.of(first, second), ids, "the one changed last (the first, patched) first");

      ApiResponse bad = Api.getJsonApi("/contacts?filter%5BupdatedSince%5D=yesterday");
      assertEquals(400, bad.status(), () -> "not a time: " + bad);
      assertEquals(
          "filter[updatedSince]",
          bad.error().getJsonObject("source").getString("parameter"),
          "the parameter named");
    } finally {
      Api.deleteContact(first);
      Api.deleteContact(second);
    }
  }
}
