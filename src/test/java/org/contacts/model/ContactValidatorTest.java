package org.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactValidatorTest {

  private static final boolean COMPLETE = true;
  private static final boolean UPDATE = false;

  private static AttributeChanges sent(Object... pairs) {
    return SentAttributes.of(pairs);
  }

  /** The problems as "attribute: title", for messages that show everything that was found. */
  private static List<String> problems(AttributeChanges attributes, boolean complete) {
    return ContactValidator.validate(attributes, complete).stream()
        .map(violation -> violation.attribute() + ": " + violation.title())
        .toList();
  }

  private static List<String> problemsWith(String attribute, String value) {
    return problems(sent("firstName", "Ann", "lastName", "Lee", attribute, value), COMPLETE);
  }

  @Test
  void createNeedsFirstAndLastName() {
    assertEquals(
        List.of("firstName: Missing required attribute", "lastName: Missing required attribute"),
        problems(sent("city", "Austin"), COMPLETE),
        "both names are required on create and replace");
  }

  @Test
  void updateNeedsNoNames() {
    assertEquals(
        List.of(), problems(sent("city", "Austin"), UPDATE), "an update checks only what it sends");
  }

  @Test
  void completeContactWithOnlyTheNamesIsValid() {
    assertEquals(
        List.of(),
        problems(sent("firstName", "Ann", "lastName", "Lee"), COMPLETE),
        "names suffice");
  }

  @Test
  void nullClearsOptionalAttributesButNotRequiredOnes() {
    assertEquals(
        List.of(),
        problems(sent("city", null, "email", null), UPDATE),
        "optional attributes can be cleared");
    assertEquals(
        List.of("lastName: Missing required attribute"),
        problems(sent("lastName", null), UPDATE),
        "a required attribute cannot be cleared");
  }

  @Test
  void blankNameCountsAsMissing() {
    assertEquals(
        List.of("firstName: Missing required attribute"),
        problems(sent("firstName", "  ", "lastName", "Lee"), COMPLETE),
        "a blank name is no name");
  }

  @Test
  void emptyStringsAreAllowedForOptionalAttributes() {
    assertEquals(
        List.of(),
        problems(
            sent("firstName", "Ann", "lastName", "Lee", "city", "", "email", "", "website", ""),
            COMPLETE),
        "an empty optional attribute is allowed, even email and website");
  }

  @Test
  void valuesThatAreNoTextAreRejected() {
    assertEquals(
        List.of("city: Attribute must be a string", "firstName: Attribute must be a string"),
        problems(sent("city", 42, "firstName", true), UPDATE),
        "every attribute is a string");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"nickname", "$where", "$set", "address.city", "_id", "id", "FirstName", ""})
  void unknownAttributesAreRejected(String name) {
    assertEquals(
        List.of(name + ": Unknown attribute"),
        problems(sent(name, "x"), UPDATE),
        "only the 12 contact attributes may be sent, so nothing reaches MongoDB as an operator or"
            + " path");
  }

  @Test
  void valuesMayHoldUpTo256Characters() {
    assertEquals(List.of(), problemsWith("city", "x".repeat(256)), "256 characters is the limit");
    assertEquals(
        List.of("city: Attribute too long"),
        problemsWith("city", "x".repeat(257)),
        "257 is too many");
    assertEquals(
        List.of("lastName: Attribute too long"),
        problems(sent("lastName", "x".repeat(257)), UPDATE),
        "names have the same limit");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "email, ann@example.com",
    "email, ann.lee+work@mail.example.co.uk",
    "email, a@b.io",
    "website, http://example.com",
    "website, https://www.example.com/about?lang=en",
    "website, HTTPS://EXAMPLE.COM",
    "website, http://localhost:8080/"
  })
  void plausibleEmailAddressesAndHttpUrlsWithAHostAreAccepted(String attribute, String value) {
    assertEquals(List.of(), problemsWith(attribute, value), "accepted");
  }

  @ParameterizedTest(name = "{0}: \"{1}\"")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "email|ann|Invalid email address",
        "email|ann@example|Invalid email address",
        "email|ann@@example.com|Invalid email address",
        "email|ann@ex@ample.com|Invalid email address",
        "email|ann lee@example.com|Invalid email address",
        "email|ann@.example.com|Invalid email address",
        "email|ann@example..com|Invalid email address",
        "email|ann@example.com.|Invalid email address",
        "email|@example.com|Invalid email address",
        "email| |Invalid email address",
        "website|www.example.com|Invalid website",
        "website|ftp://example.com|Invalid website",
        "website|javascript:alert(1)|Invalid website",
        "website|http://|Invalid website",
        "website|http:example.com|Invalid website",
        "website|https:///path|Invalid website",
        "website|http://exa mple.com|Invalid website",
        "website|mailto:ann@example.com|Invalid website"
      })
  void implausibleEmailAddressesAndOtherWebsitesAreRejected(
      String attribute, String value, String title) {
    assertEquals(List.of(attribute + ": " + title), problemsWith(attribute, value), "rejected");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<String> problems =
        problems(
            sent(
                "firstName",
                7,
                "email",
                "ann",
                "website",
                "ftp://example.com",
                "nickname",
                "Annie",
                "city",
                "x".repeat(300)),
            COMPLETE);

    assertEquals(
        List.of(
            "firstName: Attribute must be a string",
            "email: Invalid email address",
            "website: Invalid website",
            "nickname: Unknown attribute",
            "city: Attribute too long",
            "lastName: Missing required attribute"),
        problems,
        "one violation per attribute at fault, all in one answer");
  }
}
