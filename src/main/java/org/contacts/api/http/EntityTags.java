package org.contacts.api.http;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactPage;

/**
 * Strong entity tags. A contact's tag is its version followed by the representation it was drawn
 * in, so If-Match on a write compares versions while If-None-Match distinguishes representations. A
 * page's tag sums up the ids and versions on it.
 */
public final class EntityTags {

  private EntityTags() {}

  public static EntityTag of(Contact contact, Representation representation) {
    return new EntityTag(contact.version() + "-" + variant(representation));
  }

  public static EntityTag of(ContactPage page, Representation representation, String query) {
    CRC32C crc = new CRC32C();
    update(crc, query);
    update(crc, variant(representation));
    update(crc, String.valueOf(page.total()));
    for (Contact contact : page.contacts()) {
      update(crc, contact.id().text());
      update(crc, Long.toString(contact.version()));
    }
    return new EntityTag(Long.toHexString(crc.getValue()));
  }

  /** The contact version one of our tags carries ("3-j" is version 3), if it is one of ours. */
  static Optional<Long> versionOf(EntityTag tag) {
    String value = tag.getValue();
    int dash = value.indexOf('-');
    try {
      long version = Long.parseLong(dash < 0 ? value : value.substring(0, dash));
      return version < 0 ? Optional.empty() : Optional.of(version);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String variant(Representation representation) {
    String base = representation.legacyId() ? "l" : "j";
    if (representation.fields() == null) {
      return base;
    }
    return base
        + Integer.toHexString(representation.fields().stream().sorted().toList().hashCode());
  }

  private static void update(CRC32C crc, String text) {
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
  }
}
