package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The probes Kubernetes uses, and the original service's probe routes. */
class HealthIT extends DeployedServiceBase {

  @Test
  void readinessReportsTheMongoCheckUp() {
    JsonObject health = microProfileHealth("/health/ready");
    assertEquals("UP", health.getString("status"), "ready while MongoDB answers");
    JsonObject check = check(health, "mongodb");
    assertEquals("UP", check.getString("status"), "the mongodb check is UP");
    assertTrue(
        check.getJsonObject("data").getJsonNumber("pingDurationMicros").longValue() >= 0,
        "ping time reported");
  }

  @Test
  void livenessReportsTheProcessCheckUp() {
    JsonObject health = microProfileHealth("/health/live");
    assertEquals("UP", health.getString("status"), "alive");
    assertEquals("UP", check(health, "process").getString("status"), "the process check is UP");
  }

  @Test
  void startupReportsStarted() {
    JsonObject health = microProfileHealth("/health/started");
    assertEquals("UP", health.getString("status"), "started");
    assertEquals("UP", check(health, "startup").getString("status"), "the startup check is UP");
  }

  @Test
  void originalReadinessRouteAnswersAJsonApiDocument() {
    ApiResponse readiness = Api.get("/readiness");
    assertEquals(200, readiness.status(), "ready");
    assertEquals("readiness", readiness.data().getString("type"), "type readiness");
    assertEquals("UP", readiness.attributes().getString("mongodb"), "mongodb status");
    assertTrue(
        readiness.attributes().getJsonNumber("mongodbPingDurationMicros").longValue() >= 0,
        "ping time");
  }

  @Test
  void originalLivenessRouteAnswersAJsonApiDocument() {
    ApiResponse liveness = Api.get("/liveness");
    assertEquals(200, liveness.status(), "alive");
    assertEquals("liveness", liveness.data().getString("type"), "type liveness");
    assertEquals("UP", liveness.attributes().getString("status"), "status UP");
  }

  @Test
  void pingNamesTheServiceAndItsBuild() {
    ApiResponse ping = Api.get("/ping");
    assertEquals(200, ping.status(), "ping answers");
    assertEquals("ping", ping.data().getString("type"), "type ping");
    JsonObject attributes = ping.attributes();
    assertEquals("contacts-service", attributes.getString("service"), "service name");
    for (String member : new String[] {"version", "commit", "buildTime"}) {
      assertNotEquals(
          "unknown", attributes.getString(member), () -> member + " is recorded at build time");
    }
  }

  private static JsonObject microProfileHealth(String path) {
    ApiResponse response = Api.getUnchecked(path);
    assertEquals(200, response.status(), () -> path + " answers 200: " + response);
    return response.json();
  }

  private static JsonObject check(JsonObject health, String name) {
    for (JsonValue check : health.getJsonArray("checks")) {
      if (check.asJsonObject().getString("name").equals(name)) {
        return check.asJsonObject();
      }
    }
    throw new AssertionError("no check named " + name + " in " + health);
  }
}
