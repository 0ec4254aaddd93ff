package org.contacts.api.http;

import jakarta.ws.rs.core.UriInfo;
import org.contacts.config.WebSettings;

/**
 * Where the links of a response start: the configured public base URL, or else the scheme, host and
 * port of the request itself (which Liberty takes from Forwarded / X-Forwarded-* headers only when
 * they come from a trusted proxy, see server.xml). Never ends with a slash, so a path is appended.
 */
public final class BaseUri {

  private BaseUri() {}

  public static String of(WebSettings settings, UriInfo uriInfo) {
    String base = settings.publicBaseUrl().orElseGet(() -> uriInfo.getBaseUri().toASCIIString());
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
