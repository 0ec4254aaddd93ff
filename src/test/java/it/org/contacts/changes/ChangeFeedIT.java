package it.org.contacts.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.Eventually;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed: the full read, then the changes since, from cursors the service signs. */
class ChangeFeedIT extends DeployedServiceBase {

  private static final String START = "/contacts/changes?page%5Bsize%5D=100";
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A reader that has read everything there is. */
  private static FeedReader caughtUpReader() {
    FeedReader reader = new FeedReader(START);
    reader.readUntilCaughtUp(() -> {});
    return reader;
  }

  /** What the reader has seen of one contact, read on until its deletion is among it. */
  private static List<JsonObject> followUntilDeleted(FeedReader reader, String id) {
    Eventually.await(
        "the deletion of " + id + " in the feed",
        WAIT,
        () -> {
          reader.readPage();
          return of(reader.seen(), id).stream()
              .anyMatch(resource -> resource.getJsonObject("meta").getBoolean("deleted", false));
        });
    return of(reader.seen(), id);
  }

  private static List<JsonObject> of(List<JsonObject> seen, String id) {
    return seen.stream().filter(resource -> resource.getString("id").equals(id)).toList();
  }

  private static long version(JsonObject resource) {
    return resource.getJsonObject("meta").getJsonNumber("version").longValue();
  }

  @Test
  void aFollowerSeesEveryWriteOnceInOrderAndADeletionWithoutAttributes() {
    FeedReader follower = caughtUpReader();
    String id = Api.createContact(Map.of("firstName", "Feed", "lastName", "Writer"));
    Api.sendJsonApi(
        "PATCH",
        "/contacts/" + id,
        "{\"data\":{\"type\":\"contacts\",\"id\":\""
            + id
            + "\",\"attributes\":{\"city\":\"Oslo\"}}}");
    Api.sendJsonApi(
        "PUT",
        "/contacts/" + id,
        "{\"data\":{\"type\":\"contacts\",\"id\":\""
            + id
            + "\",\"attributes\":{\"firstName\":\"Feed\",\"lastName\":\"Replaced\"}}}");
    Api.deleteContact(id);

    List<JsonObject> seen = followUntilDeleted(follower, id);

    assertEquals(4, seen.size(), () -> "each write once: " + seen);
    assertEquals(
        List.of(1L, 2L, 3L, 3L), seen.stream().map(ChangeFeedIT::version).toList(), "in order");
    assertEquals(
        "Writer", seen.get(0).getJsonObject("attributes").getString("lastName"), "created");
    assertEquals("Oslo", seen.get(1).getJsonObject("attributes").getString("city"), "updated");
    assertEquals(
        "Replaced", seen.get(2).getJsonObject("attributes").getString("lastName"), "replaced");
    JsonObject deleted = seen.get(3);
    assertEquals("contacts", deleted.getString("type"), "a deletion names the type");
    assertTrue(deleted.getJsonObject("meta").getBoolean("deleted"), "meta.deleted");
    assertFalse(deleted.containsKey("attributes"), () -> "no attributes: " + deleted);
  }

  @Test
  void aResourceOfTheFeedIsTheResourceOfTheContactsOwnRoute() {
    FeedReader follower = caughtUpReader();
    String id = Api.createContact(Map.of("firstName", "Same", "lastName", "Resource"));
    JsonObject own = Api.getJsonApi("/contacts/" + id).data();
    Api.deleteContact(id);

    assertEquals(own, followUntilDeleted(follower, id).get(0), "as /contacts/{id} gives it");
  }

  @Test
  void aClientThatStopsAndResumesFromItsLastCursorMissesNothingAndSkipsNothing() {
    FeedReader before = caughtUpReader();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(Api.createContact(Map.of("firstName", "Resume" + i, "lastName", "Reader")));
    }
    String resumeFrom = before.next();
    try {
      FeedReader first =
          new FeedReader(resumeFrom.replace("page%5Bsize%5D=100", "page%5Bsize%5D=1"));
      Eventually.await(
          "a first change",
          WAIT,
          () -> {
            first.readPage();
            return !first.seen().isEmpty();
          });
      FeedReader resumed = new FeedReader(first.next());
      List<String> all = new ArrayList<>();
      Eventually.await(
          "the rest after the cursor",
          WAIT,
          () -> {
            resumed.readPage();
            all.clear();
            first.seen().forEach(resource -> all.add(resource.getString("id")));
            resumed.seen().forEach(resource -> all.add(resource.getString("id")));
            return all.containsAll(ids);
          });

      assertEquals(ids, all.stream().filter(ids::contains).toList(), "all three, once, in order");
    } finally {
      ids.forEach(Api::deleteContact);
    }
  }

  @Test
  void aFullReadWhileAnotherClientWritesEndsWithExactlyTheCollection() {
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ours.add(Api.createContact(Map.of("firstName", "Paged" + i, "lastName", "Reader")));
    }
    try {
      FeedReader reader = new FeedReader("/contacts/changes?page%5Bsize%5D=7");
      int[] step = {0};
      reader.readUntilCaughtUp(
          () -> {
            int i = step[0]++;
            if (i < 3) {
              ours.add(Api.createContact(Map.of("firstName", "During" + i, "lastName", "Reader")));
              Api.send(
                  "PATCH",
                  "/contacts/" + ours.get(i),
                  "{\"city\":\"Paged\"}",
                  "Content-Type",
                  "application/json");
              Api.deleteContact(ours.remove(ours.size() - 2));
            }
          });

      Eventually.await(
          "the copy is the collection",
          WAIT,
          () -> {
            reader.readPage();
            return reader.copy().equals(FeedReader.collection());
          });
    } finally {
      ours.forEach(Api::deleteContact);
    }
  }

  @Test
  void aCursorTheServiceNeverIssuedIs400NamingPageAfter() {
    String issued = caughtUpReader().next();
    String tampered =
        issued.substring(0, issued.indexOf("page%5Bafter%5D=") + 16)
            + "eyJwIjoicjAwIn0"
            + issued.substring(issued.indexOf('.', issued.indexOf("page%5Bafter%5D=")));
    for (String path :
        List.of("/contacts/changes?page%5Bafter%5D=forged", FeedReader.relative(tampered))) {
      ApiResponse refused = Api.getJsonApi(path);
      assertEquals(400, refused.status(), () -> path + ": " + refused);
      assertEquals(
          "page[after]",
          refused.error().getJsonObject("source").getString("parameter"),
          "source.parameter");
    }
  }

  @Test
  void everyPageLinksToTheNextEvenWhenNothingIsNew() {
    FeedReader reader = caughtUpReader();
    String next = reader.next();

    assertTrue(reader.readPage(), "nothing new: caught up");
    assertTrue(reader.next().contains("page%5Bafter%5D="), () -> "a next link: " + reader.next());
    assertTrue(next.startsWith(Api.BASE + "/contacts/changes?"), () -> "absolute: " + next);
  }

  @Test
  void aClientThatAcceptsAnythingGetsAPageNotTheStream() {
    ApiResponse page = Api.get("/contacts/changes?page%5Bsize%5D=1", "Accept", "*/*");

    assertEquals(200, page.status(), () -> "a page: " + page);
    assertTrue(page.json().containsKey("data"), () -> "a document: " + page);
  }

  @Test
  void unknownParametersAndBadSizesAre400s() {
    for (String query : List.of("sort=id", "page%5Bsize%5D=0", "page%5Bsize%5D=x")) {
      ApiResponse refused = Api.getJsonApi("/contacts/changes?" + query);
      assertEquals(400, refused.status(), () -> query + ": " + refused);
    }
  }
}
