package org.contacts.jsonapi;

import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Constants of the JSON:API specification that the service speaks. */
public final class JsonApi {

  private static final String TYPE = "application";
  private static final String SUBTYPE = "vnd.api+json";

  /** The media type's name, for annotations and messages. */
  public static final String MEDIA_TYPE = TYPE + "/" + SUBTYPE;

  /** The media type that documents are sent as. */
  public static final MediaType CONTENT_TYPE = new MediaType(TYPE, SUBTYPE);

  public static final String VERSION = "1.1";

  /** The cursor pagination profile, announced in Content-Type when a page is cursor-paged. */
  public static final String CURSOR_PROFILE =
      "https://jsonapi.org/profiles/ethanresnick/cursor-pagination/";

  private JsonApi() {}

  /** The media type with a {@code profile} parameter. */
  public static MediaType withProfile(String profile) {
    return new MediaType(TYPE, SUBTYPE, Map.of("profile", profile));
  }

  /** Whether a media type is this one, whatever its parameters. */
  public static boolean isMediaType(MediaType type) {
    return TYPE.equalsIgnoreCase(type.getType()) && SUBTYPE.equalsIgnoreCase(type.getSubtype());
  }
}
