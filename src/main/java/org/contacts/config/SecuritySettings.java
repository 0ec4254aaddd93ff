package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the API asks for bearer tokens, and whether MicroProfile JWT has what it needs to verify
 * them. The mp.jwt.verify.* keys are MicroProfile JWT's own; they are read here only to tell an
 * operator which one is missing.
 */
@ApplicationScoped
public class SecuritySettings {

  public static final String MODE = "contacts.auth.mode";
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String ISSUER = "mp.jwt.verify.issuer";

  /** jwt (the default): every contacts request needs a token; none: the API is open. */
  public enum Mode {
    JWT,
    NONE
  }

  @Inject
  @ConfigProperty(name = "contacts.auth.mode", defaultValue = "jwt")
  String mode;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  /** The mode; anything but none asks for tokens, so a misspelt setting never opens the API. */
  public Mode mode() {
    return mode.trim().toLowerCase(Locale.ROOT).equals("none") ? Mode.NONE : Mode.JWT;
  }

  /** Whether the setting is one of the two values it may take. */
  public boolean isModeValid() {
    String value = mode.trim().toLowerCase(Locale.ROOT);
    return value.equals("jwt") || value.equals("none");
  }

  /** In jwt mode, the settings without which no token can be verified, by environment name. */
  public List<String> missingForJwt() {
    List<String> missing = new ArrayList<>();
    if (mode() != Mode.JWT) {
      return missing;
    }
    if (isBlank(publicKey) && isBlank(publicKeyLocation)) {
      missing.add("MP_JWT_VERIFY_PUBLICKEY or MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }
    if (isBlank(issuer)) {
      missing.add("MP_JWT_VERIFY_ISSUER");
    }
    return missing;
  }

  private static boolean isBlank(Optional<String> value) {
    return value.map(String::isBlank).orElse(true);
  }
}
