package org.contacts.api.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.Representation;

/**
 * Content negotiation as JSON:API scopes it: its strict rules apply to its own media type, while
 * the original service's clients, which send plain JSON, text or nothing, keep working.
 */
public final class Negotiation {

  private Negotiation() {}

  /**
   * JSON:API clients name its media type in Accept and get spec-clean documents; the original's
   * clients do not, and get the id again as the {@code _id} attribute they rely on.
   */
  public static Representation representation(HttpHeaders headers) {
    return acceptsJsonApi(headers.getAcceptableMediaTypes())
        ? Representation.JSON_API
        : Representation.LEGACY;
  }

  static boolean acceptsJsonApi(List<MediaType> accepted) {
    for (MediaType type : accepted) {
      if (isJsonApi(type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the client asked for the cursor pagination profile. */
  public static boolean asksForCursorProfile(List<MediaType> accepted) {
    for (MediaType type : accepted) {
      String profiles = type.getParameters().get("profile");
      if (isJsonApi(type)
          && profiles != null
          && List.of(profiles.split(" ")).contains(JsonApi.CURSOR_PROFILE)) {
        return true;
      }
    }
    return false;
  }

  static boolean isJsonApi(MediaType type) {
    return JsonApi.isMediaType(type);
  }

  /** JSON:API allows only the ext and profile parameters on its media type. */
  static boolean hasOnlyJsonApiParameters(MediaType type) {
    for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
      String name = parameter.getKey().toLowerCase(java.util.Locale.ROOT);
      if (name.equals("ext")) {
        if (!parameter.getValue().isBlank()) {
          return false; // this server supports no extensions
        }
      } else if (!name.equals("profile")) {
        return false;
      }
    }
    return true;
  }
}
