package org.contacts.jsonapi;

import jakarta.ws.rs.core.MediaType;

/** Constants of the JSON:API specification that the service speaks. */
public final class JsonApi {

  public static final String MEDIA_TYPE = "application/vnd.api+json";
  public static final MediaType MEDIA_TYPE_TYPE = MediaType.valueOf(MEDIA_TYPE);
  public static final String VERSION = "1.1";

  /** The cursor pagination profile, announced in Content-Type when a page is cursor-paged. */
  public static final String CURSOR_PROFILE =
      "https://jsonapi.org/profiles/ethanresnick/cursor-pagination/";

  private JsonApi() {}
}
