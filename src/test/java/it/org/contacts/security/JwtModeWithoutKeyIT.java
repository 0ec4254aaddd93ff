package it.org.contacts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.LibertyServer;
import it.org.contacts.support.TestDatastore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jwt mode without a verification key never serves the API open, and says what is missing. */
class JwtModeWithoutKeyIT {

  @Test
  void readinessIsDownTheLogNamesTheMissingSettingsAndTheApiRefuses() {
    try (LibertyServer server =
        LibertyServer.start(
            "contacts-jwt-unconfigured",
            Map.of("CONTACTS_AUTH_MODE", "jwt", "MONGO_URI", TestDatastore.connectionString()))) {
      ApiResponse ready = Api.sendUnchecked(server.request("/health/ready").build());
      assertEquals(503, ready.status(), () -> "not ready without a key: " + ready);
      assertTrue(
          ready.body().contains("MP_JWT_VERIFY_PUBLICKEY")
              && ready.body().contains("MP_JWT_VERIFY_ISSUER"),
          () -> "readiness names the missing settings: " + ready.body());
      ApiResponse contacts = Api.send(server.request("/contacts").build());
      assertEquals(401, contacts.status(), () -> "the API is not open: " + contacts);
      String logs = server.logs();
      assertTrue(
          logs.contains("set MP_JWT_VERIFY_PUBLICKEY or MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
          "the log names the missing settings");
    }
  }
}
