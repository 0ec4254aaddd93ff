package org.contacts.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contacts.jsonapi.Representation;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

  private static final Contact ANN =
      new Contact(new ContactId("65a1b2c3d4e5f60718293a4b"), 3, Map.of("firstName", "Ann"));

  /** The tag as a client sends it back in If-Match. */
  private static String header(EntityTag tag) {
    return "\"" + tag.getValue() + "\"";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3-j", "3-l", "3-j1a2b", "3"})
  void ourTagsCarryTheirVersion(String value) {
    assertEquals(
        Optional.of(3L), EntityTags.versionOf(new EntityTag(value)), "version 3 from " + value);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"abc", "", "-3-j", "99999999999999999999-j", "x-3"})
  void otherTagsCarryNoVersion(String value) {
    assertEquals(
        Optional.empty(), EntityTags.versionOf(new EntityTag(value)), "not one of ours: " + value);
  }

  @Test
  void contactTagDiffersByRepresentationButAlwaysCarriesTheVersion() {
    List<Representation> representations =
        List.of(
            Representation.JSON_API,
            Representation.LEGACY,
            Representation.JSON_API.withFields(Set.of("firstName")),
            Representation.JSON_API.withFields(Set.of("email")));

    List<EntityTag> tags = representations.stream().map(r -> EntityTags.of(ANN, r)).toList();

    assertEquals(4, Set.copyOf(tags).size(), "each representation has its own tag: " + tags);
    for (EntityTag tag : tags) {
      assertEquals(
          false, tag.isWeak(), "strong, so it can be used with If-Match: " + tag.getValue());
      assertEquals(
          ExpectedVersion.oneOf(Set.of(3L)),
          Preconditions.expectedVersion(header(tag)),
          "sent back in If-Match, it requires version 3");
    }
  }

  @Test
  void fieldOrderDoesNotChangeTheTag() {
    assertEquals(
        EntityTags.of(
            ANN, Representation.JSON_API.withFields(Set.of("firstName", "email", "city"))),
        EntityTags.of(
            ANN, Representation.JSON_API.withFields(Set.of("city", "firstName", "email"))),
        "the same fields are the same representation");
  }

  @Test
  void pageTagChangesWhenAContactOnItChanges() {
    Contact changed = new Contact(ANN.id(), ANN.version() + 1, ANN.attributes());
    EntityTag before =
        EntityTags.of(new ContactPage(List.of(ANN), 1L, false, false), Representation.JSON_API, "");

    assertEquals(
        before,
        EntityTags.of(new ContactPage(List.of(ANN), 1L, false, false), Representation.JSON_API, ""),
        "the same page has the same tag");
    assertNotEquals(
        before,
        EntityTags.of(
            new ContactPage(List.of(changed), 1L, false, false), Representation.JSON_API, ""),
        "a new version of a contact on it changes the tag");
    assertNotEquals(
        before,
        EntityTags.of(
            new ContactPage(List.of(ANN), 1L, false, false), Representation.JSON_API, "sort=city"),
        "another query has another tag");
  }
}
