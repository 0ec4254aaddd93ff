package org.contacts.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactQuery;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.SentAttributes;
import org.contacts.model.Violation;
import org.contacts.repository.EmbeddedCollections;
import org.contacts.repository.MongoContactRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller's rules, on the repository over the project's embedded datastore, whose own
 * promises ContactRepositoryContract checks; these tests need neither a MongoDB server nor Liberty.
 */
class ContactControllerTest {

  @RegisterExtension static final EmbeddedCollections DATASTORE = new EmbeddedCollections();

  private static final ContactId UNKNOWN = new ContactId("65a1b2c3d4e5f60718293a4b");

  private final ContactController controller =
      new ContactController(new MongoContactRepository(DATASTORE.newCollection(), 500));

  private static AttributeChanges sent(String... pairs) {
    return SentAttributes.of((Object[]) pairs);
  }

  /** Every stored contact. */
  private List<Contact> stored() {
    return controller
        .list(new ContactQuery(Map.of(), null, List.of(), ContactQuery.Page.numbered(1, 100)))
        .contacts();
  }

  private Contact ann() {
    return controller.create(null, sent("firstName", "Ann", "lastName", "Lee", "city", "Austin"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "abc",
        "65a1b2c3d4e5f60718293a4",
        "65a1b2c3d4e5f60718293a4bc",
        "65a1b2c3d4e5f60718293a4g"
      })
  void textThatIsNot24HexadecimalDigitsIsNoContactId(String text) {
    InvalidContactIdException invalid =
        assertThrows(InvalidContactIdException.class, () -> ContactController.id(text), text);
    assertEquals(text, invalid.text(), "carries the text as sent");
  }

  @Test
  void twentyFourHexadecimalDigitsInEitherCaseAreAContactId() {
    assertEquals(
        "65A1B2C3D4E5F60718293A4B",
        ContactController.id("65A1B2C3D4E5F60718293A4B").text(),
        "kept as the client wrote it");
  }

  @Test
  void unknownContactIsNotFoundNamingItsId() {
    ContactNotFoundException missing =
        assertThrows(ContactNotFoundException.class, () -> controller.get(UNKNOWN), "get");
    assertEquals(UNKNOWN, missing.id(), "names the id");
    assertThrows(
        ContactNotFoundException.class,
        () -> controller.update(UNKNOWN, sent("city", "X"), ExpectedVersion.NONE),
        "update");
    assertThrows(
        ContactNotFoundException.class,
        () -> controller.delete(UNKNOWN, ExpectedVersion.oneOf(Set.of(1L))),
        "a conditional delete of a missing contact is not found, not changed");
  }

  @Test
  void createReportsEveryViolationAtOnceAndStoresNothing() {
    ContactValidationException invalid =
        assertThrows(
            ContactValidationException.class,
            () -> controller.create(null, sent("email", "ann", "nickname", "Annie")),
            "invalid");

    assertEquals(
        List.of("email", "nickname", "firstName", "lastName"),
        invalid.violations().stream().map(Violation::attribute).toList(),
        "each attribute at fault, in the order sent, then the missing names");
    assertEquals(List.of(), stored(), "nothing stored");
  }

  @Test
  void createStoresTextAndLeavesOutRemovals() {
    Contact contact =
        controller.create(null, sent("firstName", "Ann", "lastName", "Lee", "city", null));

    assertEquals(
        Map.of("firstName", "Ann", "lastName", "Lee"), contact.attributes(), "no city at all");
  }

  @Test
  void createUnderATakenIdSaysWhichIdIsTaken() {
    Contact ann = ann();

    ContactAlreadyExistsException taken =
        assertThrows(
            ContactAlreadyExistsException.class,
            () -> controller.create(ann.id(), sent("firstName", "Bob", "lastName", "Ray")),
            "the id is taken");

    assertEquals(ann.id(), taken.id(), "names it");
    assertEquals(ann, controller.get(ann.id()), "the first contact is untouched");
  }

  @Test
  void updateSetsTextRemovesNullsAndKeepsTheRest() {
    Contact ann = ann();

    Contact updated =
        controller.update(
            ann.id(), sent("email", "ann@example.com", "city", null), ExpectedVersion.NONE);

    assertEquals(
        Map.of("firstName", "Ann", "lastName", "Lee", "email", "ann@example.com"),
        updated.attributes(),
        "email set, city removed, names kept");
    assertEquals(2, updated.version(), "a new version");
  }

  @Test
  void updateMayNotRemoveANameAndChangesNothingWhenInvalid() {
    Contact ann = ann();

    ContactValidationException invalid =
        assertThrows(
            ContactValidationException.class,
            () -> controller.update(ann.id(), sent("lastName", null), ExpectedVersion.NONE),
            "a name is required");

    assertEquals("lastName", invalid.violations().get(0).attribute(), "names it");
    assertEquals(ann, controller.get(ann.id()), "unchanged");
  }

  @Test
  void replaceKeepsOnlyWhatWasSentAndNeedsTheNames() {
    Contact ann = ann();

    Contact replaced =
        controller.replace(
            ann.id(),
            sent("firstName", "Anne", "lastName", "Lee", "zip", null),
            ExpectedVersion.NONE);

    assertEquals(
        Map.of("firstName", "Anne", "lastName", "Lee"), replaced.attributes(), "city gone");
    assertThrows(
        ContactValidationException.class,
        () -> controller.replace(ann.id(), sent("city", "Austin"), ExpectedVersion.NONE),
        "a replacement without names");
  }

  @Test
  void staleWriteSaysWhichVersionWasExpectedAndWhichFound() {
    Contact ann = ann();
    controller.update(ann.id(), sent("city", "Boston"), ExpectedVersion.NONE);
    ExpectedVersion stale = ExpectedVersion.oneOf(Set.of(1L));

    for (Runnable write :
        List.<Runnable>of(
            () -> controller.update(ann.id(), sent("city", "York"), stale),
            () -> controller.replace(ann.id(), sent("firstName", "A", "lastName", "B"), stale),
            () -> controller.delete(ann.id(), stale))) {
      ContactChangedException changed =
          assertThrows(ContactChangedException.class, write::run, "version 1 is stale");
      assertEquals(ann.id(), changed.id(), "names the contact");
      assertEquals(stale, changed.expected(), "the version expected");
      assertEquals(2, changed.found(), "and the version found");
    }
    assertEquals("Boston", controller.get(ann.id()).attribute("city"), "no stale write applied");
  }

  @Test
  void writeAppliesWhenTheConditionAdmitsTheCurrentVersion() {
    Contact ann = ann();

    controller.update(ann.id(), sent("city", "Boston"), ExpectedVersion.oneOf(Set.of(0L, 1L)));
    controller.delete(ann.id(), ExpectedVersion.ANY_EXISTING);

    assertEquals(List.of(), stored(), "updated at version 1, then deleted");
  }
}
