package it.org.contacts.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live change stream: every change once, in order, and resuming from Last-Event-ID. */
class LiveChangesIT extends DeployedServiceBase {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static URI live() {
    return URI.create(Api.BASE + "/contacts/changes");
  }

  private static String patch(String id, String city) {
    return "{\"data\":{\"type\":\"contacts\",\"id\":\""
        + id
        + "\",\"attributes\":{\"city\":\""
        + city
        + "\"}}}";
  }

  private static long version(LiveClient.Event event) {
    return event.data().getJsonObject("meta").getJsonNumber("version").longValue();
  }

  @Test
  void aLiveClientGetsEveryWriteOnceInOrderEachWithItsCursorAsId() throws Exception {
    try (LiveClient client = LiveClient.open(live()).awaitSubscribed(WAIT)) {
      assertEquals(200, client.status(), "the stream opens");
      assertTrue(
          client.header("Content-Type").startsWith("text/event-stream"),
          () -> "Server-Sent Events: " + client.header("Content-Type"));
      String id = Api.createContact(Map.of("firstName", "Live", "lastName", "Writer"));
      Api.sendJsonApi("PATCH", "/contacts/" + id, patch(id, "Oslo"));
      Api.deleteContact(id);

      List<LiveClient.Event> seen = client.changesUntilDeleted(id, WAIT);

      assertEquals(
          List.of(1L, 2L, 2L), seen.stream().map(LiveChangesIT::version).toList(), "in order");
      assertEquals(
          "Oslo", seen.get(1).data().getJsonObject("attributes").getString("city"), "updated");
      JsonObject deleted = seen.get(2).data();
      assertTrue(deleted.getJsonObject("meta").getBoolean("deleted"), "meta.deleted");
      assertFalse(deleted.containsKey("attributes"), () -> "no attributes: " + deleted);
      assertTrue(
          seen.stream().allMatch(event -> event.id() != null && !event.id().isEmpty()),
          "every event has an id");
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventIdMissesNothing() throws Exception {
    String first;
    String lastEventId;
    try (LiveClient client = LiveClient.open(live()).awaitSubscribed(WAIT)) {
      first = Api.createContact(Map.of("firstName", "Before", "lastName", "Reconnect"));
      LiveClient.Event event;
      do {
        event = client.nextChange(WAIT);
      } while (!event.data().getString("id").equals(first));
      lastEventId = event.id();
    }
    String missed = Api.createContact(Map.of("firstName", "While", "lastName", "Away"));
    try (LiveClient resumed = LiveClient.open(live(), "Last-Event-ID", lastEventId)) {
      Api.deleteContact(missed);
      List<LiveClient.Event> seen = resumed.changesUntilDeleted(missed, WAIT);
      assertEquals(
          List.of(1L, 1L),
          seen.stream().map(LiveChangesIT::version).toList(),
          "the creation made while away, then the deletion");
    } finally {
      Api.deleteContact(first);
    }
  }
}
