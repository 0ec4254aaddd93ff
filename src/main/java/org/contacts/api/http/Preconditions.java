package org.contacts.api.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.model.ExpectedVersion;

/**
 * The conditional request headers as RFC 9110 defines them: {@code *} or a list of entity tags.
 * If-Match compares strongly (a weak tag never matches), If-None-Match weakly (W/"1-j" matches
 * "1-j"). JAX-RS's own evaluation knows neither lists nor weak comparison.
 */
public final class Preconditions {

  /** A header's condition: any current representation, or one of these tags. */
  record Condition(boolean any, List<EntityTag> tags) {}

  private Preconditions() {}

  /** The versions an If-Match header admits for a write. */
  public static ExpectedVersion expectedVersion(String ifMatch) {
    Condition condition = parse(ifMatch);
    if (condition == null) {
      return ExpectedVersion.NONE;
    }
    if (condition.any()) {
      return ExpectedVersion.ANY_EXISTING;
    }
    Set<Long> versions = new HashSet<>();
    for (EntityTag tag : condition.tags()) {
      if (!tag.isWeak()) {
        EntityTags.versionOf(tag).ifPresent(versions::add);
      }
    }
    return ExpectedVersion.oneOf(versions);
  }

  /**
   * Whether a read may answer 304 Not Modified for the current tag.
   *
   * @throws ApiException a 412 when If-Match names no current tag
   */
  public static boolean notModified(String ifMatch, String ifNoneMatch, EntityTag current) {
    Condition match = parse(ifMatch);
    if (match != null
        && !match.any()
        && match.tags().stream()
            .noneMatch(tag -> !tag.isWeak() && tag.getValue().equals(current.getValue()))) {
      throw new ApiException(
          ErrorObject.of(
                  412,
                  "Precondition failed",
                  "If-Match does not name the current ETag " + current + ".")
              .atHeader(HttpHeaders.IF_MATCH));
    }
    Condition noneMatch = parse(ifNoneMatch);
    return noneMatch != null
        && (noneMatch.any()
            || noneMatch.tags().stream()
                .anyMatch(tag -> tag.getValue().equals(current.getValue())));
  }

  /**
   * Reads {@code *} or a comma-separated list of entity tags; null when the header is absent. A
   * header that is neither names no tag, so it matches nothing.
   */
  static Condition parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.strip().equals("*")) {
      return new Condition(true, List.of());
    }
    List<EntityTag> tags = new ArrayList<>();
    int i = 0;
    int length = header.length();
    while (i < length) {
      char c = header.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      boolean weak = header.startsWith("W/", i);
      int open = weak ? i + 2 : i;
      int close = open < length && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
      int next = close < 0 ? -1 : skipSpace(header, close + 1);
      if (next < 0 || (next < length && header.charAt(next) != ',')) {
        return new Condition(false, List.of());
      }
      tags.add(new EntityTag(header.substring(open + 1, close), weak));
      i = next;
    }
    return new Condition(false, List.copyOf(tags));
  }

  private static int skipSpace(String header, int from) {
    int i = from;
    while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
