package org.contacts.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Set;
import org.contacts.jsonapi.ApiException;
import org.contacts.model.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionsTest {

  private static final EntityTag CURRENT = new EntityTag("1-j");

  private static ExpectedVersion versions(Long... versions) {
    return ExpectedVersion.oneOf(Set.of(versions));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "  "})
  void absentIfMatchIsNoCondition(String ifMatch) {
    assertEquals(ExpectedVersion.NONE, Preconditions.expectedVersion(ifMatch), "no condition");
    assertEquals(ExpectedVersion.NONE, Preconditions.expectedVersion(null), "no header either");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"*", " * "})
  void starIfMatchAdmitsAnyExistingVersion(String ifMatch) {
    assertEquals(
        ExpectedVersion.ANY_EXISTING, Preconditions.expectedVersion(ifMatch), "any version");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"3-j\"", "\"3-l\"", "\"3-j1a2b\"", "\"3\"", " \"3-j\" "})
  void strongTagRequiresItsVersion(String ifMatch) {
    assertEquals(versions(3L), Preconditions.expectedVersion(ifMatch), "from " + ifMatch);
  }

  @Test
  void listOfTagsAdmitsTheVersionOfEveryStrongTagOfOurs() {
    assertEquals(
        versions(0L, 1L),
        Preconditions.expectedVersion("\"0-stale\", \"1-j\""),
        "either version may be current");
    assertEquals(
        versions(2L, 5L),
        Preconditions.expectedVersion("\"2-j\",W/\"4-j\" ,\t\"5-l\", \"other\",,"),
        "weak tags and tags not ours add nothing; empty list elements are allowed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "W/\"3-j\"",
        "3-j",
        "\"3-j",
        "3-j\"",
        "\"abc\"",
        "\"\"",
        "\"-3-j\"",
        "\"99999999999999999999-j\"",
        "\"",
        "\"1-j\" \"2-j\"",
        "\"1-j\", *",
        "W/\"1-j\", W/\"2-j\""
      })
  void weakOrMalformedTagsNeverMatchAWrite(String ifMatch) {
    assertEquals(
        ExpectedVersion.NEVER, Preconditions.expectedVersion(ifMatch), "never: " + ifMatch);
  }

  @Test
  void parseReadsEachTagWithItsWeakness() {
    assertNull(Preconditions.parse(null), "no header, no condition");
    assertEquals(
        new Preconditions.Condition(
            false, List.of(new EntityTag("1-j", true), new EntityTag("a,b"))),
        Preconditions.parse("W/\"1-j\", \"a,b\""),
        "a comma inside a tag is part of it");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\"1-j\"",
        "W/\"1-j\"",
        "\"0-j\", \"1-j\"",
        "\"0-j\",W/\"1-j\"",
        "*",
      })
  void ifNoneMatchComparesWeaklyAndReadsListsAndStar(String ifNoneMatch) {
    assertTrue(Preconditions.notModified(null, ifNoneMatch, CURRENT), "304 for " + ifNoneMatch);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"1-l\"", "\"0-j\", W/\"2-j\"", "1-j", "\"1-j"})
  void ifNoneMatchWithoutTheCurrentTagReadsOn(String ifNoneMatch) {
    assertFalse(Preconditions.notModified(null, ifNoneMatch, CURRENT), "200 for " + ifNoneMatch);
    assertFalse(Preconditions.notModified(null, null, CURRENT), "and without the header");
  }

  @Test
  void readIfMatchComparesStronglyAndFailsWith412() {
    assertFalse(
        Preconditions.notModified("\"0-j\", \"1-j\"", null, CURRENT), "a listed current tag");
    assertFalse(Preconditions.notModified("*", null, CURRENT), "any");
    for (String ifMatch : List.of("W/\"1-j\"", "\"1-l\"", "\"0-j\"")) {
      ApiException failed =
          assertThrows(
              ApiException.class,
              () -> Preconditions.notModified(ifMatch, "\"1-j\"", CURRENT),
              "If-Match is checked first: " + ifMatch);
      assertEquals(412, failed.status(), "412 for " + ifMatch);
      assertEquals("If-Match", failed.errors().get(0).header(), "names the header");
    }
  }
}
