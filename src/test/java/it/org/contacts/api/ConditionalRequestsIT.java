package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** ETags, If-None-Match and If-Match: caching and writes without lost updates. */
class ConditionalRequestsIT extends DeployedServiceBase {

  @Test
  void unchangedContactAnswers304ToIfNoneMatch() {
    String id = Api.createContact(Map.of("firstName", "Radia", "lastName", "Perlman"));
    try {
      String tag = Api.getJsonApi("/contacts/" + id).header("ETag");
      ApiResponse cached = Api.getJsonApi("/contacts/" + id, "If-None-Match", tag);
      assertEquals(304, cached.status(), "not modified");
      assertEquals(tag, cached.header("ETag"), "304 repeats the ETag");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    String id = Api.createContact(Map.of("firstName", "Sophie", "lastName", "Wilson"));
    try {
      String tag = Api.getJsonApi("/contacts/" + id).header("ETag");
      ApiResponse first =
          Api.send("PATCH", "/contacts/" + id, "{\"city\":\"Leeds\"}", "If-Match", tag);
      assertEquals(200, first.status(), "the current ETag matches");
      assertNotEquals(tag, first.header("ETag"), "a write changes the ETag");
      ApiResponse stale =
          Api.send("PATCH", "/contacts/" + id, "{\"city\":\"York\"}", "If-Match", tag);
      assertEquals(412, stale.status(), "the old ETag no longer matches");
      assertEquals(
          "Leeds",
          Api.get("/contacts/" + id).attributes().getString("city"),
          "the stale write did nothing");
      assertEquals(
          412,
          Api.send(
                  "PUT",
                  "/contacts/" + id,
                  "{\"firstName\":\"S\",\"lastName\":\"W\"}",
                  "If-Match",
                  tag)
              .status(),
          "PUT too");
      assertEquals(
          412, Api.send("DELETE", "/contacts/" + id, null, "If-Match", tag).status(), "DELETE too");
      assertEquals(200, Api.get("/contacts/" + id).status(), "still there");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void concurrentPatchesWithOneEtagLetExactlyOneWin() throws Exception {
    String id = Api.createContact(Map.of("firstName", "Margaret", "lastName", "Hamilton"));
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      String tag = Api.getJsonApi("/contacts/" + id).header("ETag");
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<ApiResponse>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String city = "City " + i;
        results.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return Api.send(
                      "PATCH", "/contacts/" + id, "{\"city\":\"" + city + "\"}", "If-Match", tag);
                },
                pool));
      }
      start.countDown();
      List<ApiResponse> winners = new ArrayList<>();
      for (CompletableFuture<ApiResponse> result : results) {
        ApiResponse response = result.get();
        if (response.status() == 200) {
          winners.add(response);
        } else {
          assertEquals(412, response.status(), () -> "a loser gets 412: " + response);
        }
      }
      assertEquals(1, winners.size(), "exactly one write wins");
      assertEquals(
          winners.get(0).attributes().getString("city"),
          Api.get("/contacts/" + id).attributes().getString("city"),
          "the stored contact is the winner's");
    } finally {
      pool.shutdownNow();
      Api.deleteContact(id);
    }
  }

  @Test
  void ifMatchWithAListOfTagsAppliesWhenAnyOfThemIsCurrentAndStarWhenTheContactExists() {
    String id = Api.createContact(Map.of("firstName", "Barbara", "lastName", "Liskov"));
    try {
      String tag = Api.getJsonApi("/contacts/" + id).header("ETag");
      ApiResponse listed =
          Api.send(
              "PATCH",
              "/contacts/" + id,
              "{\"city\":\"Boston\"}",
              "If-Match",
              "\"0-stale\", " + tag);
      assertEquals(200, listed.status(), () -> "one listed tag is current: " + listed);
      ApiResponse weak =
          Api.send(
              "PATCH",
              "/contacts/" + id,
              "{\"city\":\"Austin\"}",
              "If-Match",
              "W/" + listed.header("ETag"));
      assertEquals(412, weak.status(), "If-Match compares strongly: a weak tag never matches");
      ApiResponse star =
          Api.send(
              "PUT",
              "/contacts/" + id,
              "{\"firstName\":\"Barbara\",\"lastName\":\"Liskov\",\"city\":\"Cambridge\"}",
              "If-Match",
              "*");
      assertEquals(200, star.status(), () -> "* matches the contact as it is: " + star);
      assertEquals(
          "Cambridge",
          Api.get("/contacts/" + id).attributes().getString("city"),
          "the write under * applied");
      assertEquals(
          200,
          Api.send("DELETE", "/contacts/" + id, null, "If-Match", "\"9-j\", " + star.header("ETag"))
              .status(),
          "DELETE too");
      assertEquals(
          404,
          Api.send("PATCH", "/contacts/" + id, "{\"city\":\"Leeds\"}", "If-Match", "*").status(),
          "a contact that is gone is not found, whatever the condition");
    } finally {
      Api.deleteContact(id);
    }
  }

  @Test
  void ifNoneMatchComparesWeaklyAndReadsListsAndStar() {
    String lastName = "Hopper-" + System.nanoTime();
    String id = Api.createContact(Map.of("firstName", "Grace", "lastName", lastName));
    try {
      String path = "/contacts/" + id;
      String tag = Api.getJsonApi(path).header("ETag");
      for (String ifNoneMatch : List.of("W/" + tag, "\"0-old\", " + tag, "*")) {
        ApiResponse cached = Api.getJsonApi(path, "If-None-Match", ifNoneMatch);
        assertEquals(304, cached.status(), "not modified for If-None-Match: " + ifNoneMatch);
        assertEquals(tag, cached.header("ETag"), "304 repeats the current ETag");
      }
      assertEquals(
          200,
          Api.getJsonApi(path, "If-None-Match", "\"0-old\", W/\"7-j\"").status(),
          "no listed tag is current");

      String page = "/contacts?filter%5BlastName%5D=" + lastName;
      String pageTag = Api.getJsonApi(page).header("ETag");
      assertEquals(
          304,
          Api.getJsonApi(page, "If-None-Match", "W/" + pageTag).status(),
          "a page compares weakly too");
      Api.send("PATCH", path, "{\"city\":\"Arlington\"}");
      assertEquals(
          200,
          Api.getJsonApi(page, "If-None-Match", "W/" + pageTag).status(),
          "a page whose contact changed is sent again");
    } finally {
      Api.deleteContact(id);
    }
  }
}
