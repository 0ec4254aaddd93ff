package it.org.contacts.api;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.TestDatastore;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Validation, client ids and conflicts on create, replace and update; nothing invalid is stored.
 */
class WritingRulesIT extends DeployedServiceBase {

  private static long storedWithCompany(String company) {
    return TestDatastore.contacts().countDocuments(Filters.eq("companyName", company));
  }

  private static Map<String, String> pointersToTitles(ApiResponse response) {
    Map<String, String> pointers = new HashMap<>();
    response
        .json()
        .getJsonArray("errors")
        .forEach(
            error ->
                pointers.put(
                    error.asJsonObject().getJsonObject("source").getString("pointer"),
                    error.asJsonObject().getString("title")));
    return pointers;
  }

  @Test
  void createReportsEveryProblemWithAPointerIntoTheDocument() {
    String company = "Invalid " + UUID.randomUUID();
    String body =
        "{\"data\":{\"type\":\"contacts\",\"attributes\":{\"companyName\":\""
            + company
            + "\",\"email\":\"not-an-email\",\"website\":\"ftp://example.org\",\"zip\":12345,\"nickname\":\"x\"}}}";
    ApiResponse response = Api.sendJsonApi("POST", "/contacts", body);
    assertEquals(422, response.status(), () -> "semantic errors are 422: " + response);
    assertEquals(
        Map.of(
            "/data/attributes/firstName", "Missing required attribute",
            "/data/attributes/lastName", "Missing required attribute",
            "/data/attributes/email", "Invalid email address",
            "/data/attributes/website", "Invalid website",
            "/data/attributes/zip", "Attribute must be a string",
            "/data/attributes/nickname", "Unknown attribute"),
        pointersToTitles(response),
        "one error per problem, each pointing at the member");
    assertEquals(0, storedWithCompany(company), "nothing was stored");
  }

  @Test
  void bareObjectErrorsPointIntoTheBareObject() {
    ApiResponse response =
        Api.send("POST", "/contacts", "{\"firstName\":\"A\",\"email\":\"nope\"}");
    assertEquals(422, response.status(), () -> "semantic errors: " + response);
    assertEquals(
        Map.of("/lastName", "Missing required attribute", "/email", "Invalid email address"),
        pointersToTitles(response),
        "pointers into the body as it was sent");
  }

  @Test
  void operatorLikeAttributeNamesAreRefusedAndNeverStored() {
    String company = "Operators " + UUID.randomUUID();
    ApiResponse response =
        Api.send(
            "POST",
            "/contacts",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"companyName\":\""
                + company
                + "\",\"$set\":\"x\",\"a.b\":\"y\"}");
    assertEquals(422, response.status(), () -> "unknown attributes: " + response);
    assertEquals(0, storedWithCompany(company), "nothing was stored");
  }

  @Test
  void updateValidatesOnlyWhatIsSentAndStoresNothingWhenInvalid() {
    String id =
        Api.createContact(Map.of("firstName", "Hedy", "lastName", "Lamarr", "city", "Vienna"));
    try {
      ApiResponse invalid =
          Api.send("PATCH", "/contacts/" + id, "{\"city\":\"Los Angeles\",\"lastName\":\"\"}");
      assertEquals(422, invalid.status(), "a required name cannot be blanked");
      assertEquals(
          "Vienna",
          Api.get("/contacts/" + id).attributes().getString("city"),
          "no part of it was stored");
      ApiResponse cleared = Api.send("PATCH", "/contacts/" + id, "{\"city\":null}");
      assertEquals(200, cleared.status(), "null clears an optional attribute");
      assertEquals(true, cleared.attributes().isNull("city"), "cleared");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void replaceRequiresTheNames() {
    String id = Api.createContact(Map.of("firstName", "Barbara", "lastName", "Liskov"));
    try {
      ApiResponse response = Api.send("PUT", "/contacts/" + id, "{\"city\":\"Boston\"}");
      assertEquals(422, response.status(), "a replacement needs both names");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void clientGeneratedIdMakesCreateRetrySafe() {
    String id = new ObjectId().toHexString();
    String body =
        "{\"data\":{\"type\":\"contacts\",\"id\":\""
            + id
            + "\",\"attributes\":{\"firstName\":\"Frances\",\"lastName\":\"Allen\"}}}";
    try {
      ApiResponse first = Api.sendJsonApi("POST", "/contacts", body);
      assertEquals(201, first.status(), () -> "created with the client's id: " + first);
      assertEquals(id, first.data().getString("id"), "the id the client chose");
      ApiResponse retry = Api.sendJsonApi("POST", "/contacts", body);
      assertEquals(409, retry.status(), "a retried create is a conflict, not a duplicate");
      assertEquals(
          1,
          TestDatastore.contacts().countDocuments(Filters.eq("_id", new ObjectId(id))),
          "stored once");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void clientIdThatIsNotAnObjectIdIs403() {
    ApiResponse response =
        Api.send(
            "POST",
            "/contacts",
            "{\"data\":{\"type\":\"contacts\",\"id\":\"my-id\",\"attributes\":{\"firstName\":\"A\",\"lastName\":\"B\"}}}",
            "Content-Type",
            JSON_API);
    assertEquals(403, response.status(), "ids are ObjectIds");
    assertEquals(
        "/data/id",
        response.error().getJsonObject("source").getString("pointer"),
        "points at the id");
  }

  @Test
  void wrongTypeIs409() {
    ApiResponse response =
        Api.send(
            "POST",
            "/contacts",
            "{\"data\":{\"type\":\"people\",\"attributes\":{\"firstName\":\"A\",\"lastName\":\"B\"}}}",
            "Content-Type",
            JSON_API);
    assertEquals(409, response.status(), "a type other than contacts");
  }

  @Test
  void patchWhoseIdDiffersFromTheUrlIs409() {
    String id = Api.createContact(Map.of("firstName", "Adele", "lastName", "Goldberg"));
    try {
      ApiResponse response =
          Api.send(
              "PATCH",
              "/contacts/" + id,
              "{\"data\":{\"type\":\"contacts\",\"id\":\""
                  + new ObjectId()
                  + "\",\"attributes\":{\"city\":\"Palo Alto\"}}}",
              "Content-Type",
              JSON_API);
      assertEquals(409, response.status(), "ids differ");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void malformedDocumentIs400WithPointer() {
    ApiResponse response =
        Api.send("POST", "/contacts", "{\"data\":{\"attributes\":{}}}", "Content-Type", JSON_API);
    assertEquals(400, response.status(), "a resource object needs a type");
    assertEquals(
        "/data/type",
        response.error().getJsonObject("source").getString("pointer"),
        "points at it");
  }
}
