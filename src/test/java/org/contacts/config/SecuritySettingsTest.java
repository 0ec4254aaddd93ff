package org.contacts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which mode a setting means, and what jwt mode still lacks. */
class SecuritySettingsTest {

  private static SecuritySettings settings(String mode, String key, String issuer) {
    SecuritySettings settings = new SecuritySettings();
    settings.mode = mode;
    settings.publicKey = Optional.ofNullable(key);
    settings.publicKeyLocation = Optional.empty();
    settings.issuer = Optional.ofNullable(issuer);
    return settings;
  }

  @Test
  void onlyNoneOpensTheApiAndAMisspeltModeAsksForTokens() {
    assertEquals(SecuritySettings.Mode.NONE, settings(" None ", null, null).mode(), "none");
    assertEquals(SecuritySettings.Mode.JWT, settings("jwt", null, null).mode(), "jwt");
    SecuritySettings misspelt = settings("nnone", null, null);
    assertEquals(SecuritySettings.Mode.JWT, misspelt.mode(), "a misspelt mode is jwt");
    assertFalse(misspelt.isModeValid(), "and is reported as invalid");
  }

  @Test
  void jwtModeNamesTheMissingKeyAndIssuerByTheirEnvironmentNames() {
    assertEquals(
        List.of(
            "MP_JWT_VERIFY_PUBLICKEY or MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"),
        settings("jwt", null, " ").missingForJwt(),
        "both missing");
    assertTrue(
        settings("jwt", "-----BEGIN PUBLIC KEY-----", "https://i").missingForJwt().isEmpty(),
        "a key and an issuer are enough");
    assertTrue(settings("none", null, null).missingForJwt().isEmpty(), "none needs no key");
  }
}
