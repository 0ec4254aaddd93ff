package org.contacts.api.http;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contacts.exchange.ExchangeFormat;

/**
 * The media types contacts go in and out as besides JSON: vCard 4.0 ({@code text/vcard}), vCard 3.0
 * ({@code text/vcard;version=3.0}) and CSV ({@code text/csv}). Only a client that names one of them
 * gets it: a wildcard still means JSON, so the original's clients see nothing new.
 */
public final class ExchangeTypes {

  public static final MediaType VCARD = new MediaType("text", "vcard");
  public static final MediaType CSV = new MediaType("text", "csv");

  /** What a 406 names. */
  public static final String ON_OFFER =
      "application/vnd.api+json, application/json, text/vcard (vCard 4.0),"
          + " text/vcard;version=3.0 and text/csv";

  private ExchangeTypes() {}

  /** The format the client asks for before any JSON, if it asks for one. */
  public static Optional<ExchangeFormat> exportFormat(List<MediaType> accepted) {
    for (MediaType type : accepted) {
      if ("0".equals(type.getParameters().get("q"))) {
        continue;
      }
      Optional<ExchangeFormat> format = exportFormatOf(type);
      if (format.isPresent()) {
        return format;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || Negotiation.isJsonApi(type)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<ExchangeFormat> exportFormatOf(MediaType type) {
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return Optional.empty();
    }
    if (type.isCompatible(CSV)) {
      return Optional.of(ExchangeFormat.CSV);
    }
    if (type.isCompatible(VCARD)) {
      String version = type.getParameters().getOrDefault("version", "4.0");
      return switch (version) {
        case "4.0" -> Optional.of(ExchangeFormat.VCARD_4);
        case "3.0" -> Optional.of(ExchangeFormat.VCARD_3);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /** Whether the client accepts one of these types (for a 406 check). */
  public static boolean acceptsExport(List<MediaType> accepted) {
    return accepted.stream().anyMatch(type -> exportFormatOf(type).isPresent());
  }

  /** The format of an import body, if the Content-Type names one (any vCard version, UTF-8). */
  public static Optional<ExchangeFormat> importFormat(MediaType type) {
    if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
      return Optional.empty();
    }
    if (type.isCompatible(CSV)) {
      return Optional.of(ExchangeFormat.CSV);
    }
    return type.isCompatible(VCARD) ? Optional.of(ExchangeFormat.VCARD_4) : Optional.empty();
  }

  /** Imports are UTF-8: a charset parameter may say so, and nothing else. */
  public static boolean hasUtf8Charset(MediaType type) {
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return charset == null || charset.equalsIgnoreCase("utf-8");
  }

  /** The Content-Type an export of this format is sent with. */
  public static MediaType contentType(ExchangeFormat format) {
    return switch (format) {
      case VCARD_4 -> new MediaType("text", "vcard", Map.of("charset", "utf-8"));
      case VCARD_3 -> new MediaType("text", "vcard", Map.of("version", "3.0", "charset", "utf-8"));
      case CSV -> new MediaType("text", "csv", Map.of("charset", "utf-8", "header", "present"));
    };
  }
}
