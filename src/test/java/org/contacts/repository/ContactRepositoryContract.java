package org.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.contacts.model.AttributeChanges;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.ExpectedVersion;
import org.contacts.model.SentAttributes;
import org.contacts.model.SortKey;
import org.contacts.repository.WriteResult.Changed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link MongoContactRepository} promises, checked against whatever MongoDB a subclass
 * provides: the embedded datastore always, a real server where Docker is available. Each test gets
 * an empty collection of its own.
 */
abstract class ContactRepositoryContract {

  /** A new, empty collection that no other test uses; dropped after the test. */
  protected abstract MongoCollection<Document> newCollection();

  /** Counts the commands that the subclasses' clients send. */
  protected static final AtomicInteger COMMANDS = new AtomicInteger();

  protected static MongoClientSettings countingCommands(String connectionString) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(connectionString))
        .addCommandListener(
            new CommandListener() {
              @Override
              public void commandStarted(CommandStartedEvent event) {
                COMMANDS.incrementAndGet();
              }
            })
        .build();
  }

  private MongoCollection<Document> collection;
  private MongoContactRepository repository;

  protected static MongoCollection<Document> uniqueCollection(MongoClient client) {
    return client.getDatabase("contacts_test").getCollection("contacts_" + new ObjectId());
  }

  @BeforeEach
  void createRepository() {
    collection = newCollection();
    repository = new MongoContactRepository(collection, 500);
    repository.ensureIndexes();
  }

  @AfterEach
  void dropCollection() {
    collection.drop();
  }

  /** Attributes from name, value pairs; a null value leaves the attribute out. */
  private static Map<String, String> attributes(String... pairs) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        attributes.put(pairs[i], pairs[i + 1]);
      }
    }
    return attributes;
  }

  /** Changes from name, value pairs: a string is set, null removes the attribute. */
  private static AttributeChanges changes(String... pairs) {
    return SentAttributes.of((Object[]) pairs);
  }

  /** Inserts a contact with these names and further name, value pairs. */
  private Contact person(String firstName, String lastName, String... more) {
    Map<String, String> attributes = attributes(more);
    attributes.put("firstName", firstName);
    attributes.put("lastName", lastName);
    return repository.insert(null, attributes);
  }

  /** Every stored contact, in the order of their ids. */
  private List<Contact> all() {
    return repository.findPage(query(Map.of(), null, List.of(), 100)).contacts();
  }

  private Contact stored(Contact contact) {
    return repository
        .findById(contact.id())
        .orElseThrow(() -> new AssertionError("not stored: " + contact));
  }

  private static ExpectedVersion versions(Long... versions) {
    return ExpectedVersion.oneOf(Set.of(versions));
  }

  /** The contact a write says it wrote. */
  private static Contact written(WriteResult result) {
    if (result instanceof WriteResult.Written written) {
      return written.contact();
    }
    throw new AssertionError("not written: " + result);
  }

  /** How many commands the operation sent to MongoDB: its round trips. */
  private static int roundTrips(Runnable operation) {
    int before = COMMANDS.get();
    operation.run();
    return COMMANDS.get() - before;
  }

  private static ContactQuery query(
      Map<String, List<String>> filters, String search, List<SortKey> sort, int size) {
    return new ContactQuery(filters, search, sort, ContactQuery.Page.numbered(1, size));
  }

  private static ContactQuery.Page cursorPage(int size, Cursor after, Cursor before) {
    return new ContactQuery.Page(size, 0, after, before);
  }

  private List<ContactId> ids(ContactQuery query) {
    return repository.findPage(query).contacts().stream().map(Contact::id).toList();
  }

  private List<ContactId> idsMatching(Map<String, List<String>> filters, String search) {
    return ids(query(filters, search, List.of(), 100));
  }

  private static List<ContactId> ids(Contact... contacts) {
    return Stream.of(contacts).map(Contact::id).toList();
  }

  // ---- single contacts -------------------------------------------------------------------------

  @Test
  void insertStoresANewContactAtVersionOne() {
    Contact ann = person("Ann", "Lee", "city", "Austin");

    assertTrue(
        ContactId.parse(ann.id().text()).isPresent(),
        "a new contact gets an id of 24 hexadecimal digits: " + ann.id());
    assertEquals(1, ann.version(), "the first version is 1");
    assertEquals(ann, stored(ann), "what insert returns is what is stored");
    assertEquals(
        attributes("firstName", "Ann", "lastName", "Lee", "city", "Austin"),
        stored(ann).attributes(),
        "attributes as given, absent ones left out");
  }

  @Test
  void insertAllStoresEveryContactSearchableAtVersionOne() {
    repository.insertAll(
        List.of(
            attributes("firstName", "Ann", "lastName", "Lee"),
            attributes("firstName", "Bo", "lastName", "Ray")));

    ContactQuery search =
        new ContactQuery(Map.of(), "ra", List.of(), ContactQuery.Page.numbered(1, 10));
    List<Contact> found = repository.findPage(search).contacts();
    assertEquals(1, found.size(), "the stored contacts are searchable: " + found);
    assertEquals("Bo", found.get(0).attribute("firstName"), "the one named Ray");
    assertEquals(1, found.get(0).version(), "at version 1");
    assertEquals(2, all().size(), "both stored");
  }

  @Test
  void insertKeepsAClientChosenId() {
    ContactId id = new ContactId(new ObjectId().toHexString());

    Contact ann = repository.insert(id, attributes("firstName", "Ann", "lastName", "Lee"));

    assertEquals(id, ann.id(), "the client's id");
    assertEquals("Ann", stored(ann).attribute("firstName"), "found under it");
  }

  @Test
  void insertUnderAnIdInUseIsADuplicateAndChangesNothing() {
    Contact ann = person("Ann", "Lee");

    DuplicateContactException duplicate =
        assertThrows(
            DuplicateContactException.class,
            () -> repository.insert(ann.id(), attributes("firstName", "Bob", "lastName", "Ray")),
            "the id is taken");

    assertEquals(ann.id(), duplicate.id(), "names the id");
    assertEquals(ann, stored(ann), "the first contact is untouched");
    assertEquals(1, all().size(), "no second contact");
  }

  @Test
  void unknownIdIsNotFoundWhateverTheCondition() {
    ContactId unknown = new ContactId(new ObjectId().toHexString());

    assertEquals(Optional.empty(), repository.findById(unknown), "findById");
    for (ExpectedVersion expected :
        List.of(
            ExpectedVersion.NONE,
            ExpectedVersion.ANY_EXISTING,
            versions(1L),
            ExpectedVersion.NEVER)) {
      assertEquals(
          WriteResult.NOT_FOUND,
          repository.update(unknown, expected, changes("city", "Austin")),
          "update " + expected);
      assertEquals(
          WriteResult.NOT_FOUND,
          repository.replace(unknown, expected, attributes("firstName", "A", "lastName", "B")),
          "replace " + expected);
      assertEquals(
          WriteResult.NOT_FOUND, repository.delete(unknown, expected), "delete " + expected);
    }
  }

  @Test
  void updateSetsAndUnsetsAttributesKeepsTheRestAndRaisesTheVersion() {
    Contact ann = person("Ann", "Lee", "city", "Austin", "companyName", "Acme");

    Contact updated =
        written(
            repository.update(
                ann.id(),
                ExpectedVersion.NONE,
                changes("city", "Boston", "email", "ann@acme.example", "companyName", null)));

    assertEquals(2, updated.version(), "version raised");
    assertEquals(
        attributes(
            "firstName", "Ann", "lastName", "Lee", "city", "Boston", "email", "ann@acme.example"),
        stored(ann).attributes(),
        "city changed, email set, companyName gone, names kept");
    assertEquals(updated, stored(ann), "what update returns is what is stored");
  }

  @Test
  void updateAtTheCurrentVersionAppliesAndAtAStaleOneSaysWhichVersionIsCurrent() {
    Contact ann = person("Ann", "Lee");

    assertEquals(
        2,
        written(repository.update(ann.id(), versions(1L), changes("city", "Austin"))).version(),
        "version 1 was current");
    assertEquals(
        new Changed(2),
        repository.update(ann.id(), versions(1L), changes("city", "Boston")),
        "version 1 is stale now, and version 2 current");
    assertEquals("Austin", stored(ann).attribute("city"), "the stale write changed nothing");
    assertEquals(2, stored(ann).version(), "nor the version");
  }

  @Test
  void writeAppliesWhenAnyOfTheExpectedVersionsIsCurrent() {
    Contact ann = person("Ann", "Lee");

    Contact updated =
        written(repository.update(ann.id(), versions(7L, 1L), changes("city", "Austin")));
    Contact replaced =
        written(
            repository.replace(
                ann.id(), versions(2L, 9L), attributes("firstName", "Anne", "lastName", "Lee")));

    assertEquals(2, updated.version(), "version 1 was one of 7 and 1");
    assertEquals(3, replaced.version(), "version 2 was one of 2 and 9");
    assertTrue(
        repository.delete(ann.id(), versions(3L, 4L)) instanceof WriteResult.Written,
        "version 3 was one of 3 and 4");
  }

  @Test
  void anyExistingVersionAppliesAndNeverChangesNothing() {
    Contact ann = person("Ann", "Lee");

    assertEquals(
        new Changed(1),
        repository.update(ann.id(), ExpectedVersion.NEVER, changes("city", "X")),
        "a condition no version meets");
    assertEquals(
        new Changed(1),
        repository.replace(
            ann.id(), ExpectedVersion.NEVER, attributes("firstName", "X", "lastName", "Y")),
        "replace too");
    assertEquals(new Changed(1), repository.delete(ann.id(), ExpectedVersion.NEVER), "delete");
    assertEquals(ann, stored(ann), "unchanged");
    assertEquals(
        2,
        written(repository.update(ann.id(), ExpectedVersion.ANY_EXISTING, changes("city", "X")))
            .version(),
        "If-Match: * applies to the contact as it is");
  }

  @Test
  void replaceDropsAttributesNotGiven() {
    Contact ann = person("Ann", "Lee", "city", "Austin");

    Contact replaced =
        written(
            repository.replace(
                ann.id(), versions(1L), attributes("firstName", "Anne", "lastName", "Lee")));

    assertEquals(2, replaced.version(), "version raised");
    assertEquals(
        attributes("firstName", "Anne", "lastName", "Lee"),
        stored(ann).attributes(),
        "only what was given");
    assertEquals(replaced, stored(ann), "what replace returns is what is stored");
    assertEquals(
        ids(ann), idsMatching(Map.of(), "anne"), "found by the new name: search keys rewritten");
    assertEquals(List.of(), idsMatching(Map.of(), "aus"), "and no longer by the old city");
  }

  @Test
  void replaceAtAStaleVersionChangesNothing() {
    Contact ann = person("Ann", "Lee", "city", "Austin");

    assertEquals(
        new Changed(1),
        repository.replace(ann.id(), versions(7L), attributes("firstName", "X", "lastName", "Y")),
        "version 7 was never current");
    assertEquals(ann, stored(ann), "unchanged");
  }

  @Test
  void deleteRemovesTheContactOnce() {
    Contact ann = person("Ann", "Lee");

    assertEquals(
        ann, written(repository.delete(ann.id(), ExpectedVersion.NONE)), "the deleted contact");
    assertEquals(Optional.empty(), repository.findById(ann.id()), "gone");
    assertEquals(
        WriteResult.NOT_FOUND,
        repository.delete(ann.id(), ExpectedVersion.NONE),
        "nothing left to delete");
  }

  @Test
  void deleteAtAStaleVersionKeepsTheContact() {
    Contact ann = person("Ann", "Lee");

    assertEquals(
        new Changed(1), repository.delete(ann.id(), versions(2L)), "version 2 is not current");
    assertEquals(ann, stored(ann), "still there");
    assertTrue(
        repository.delete(ann.id(), versions(1L)) instanceof WriteResult.Written, "version 1 is");
  }

  @Test
  void writesAndRefusalsCostOneRoundTripButAChangeNeedsTwoAndAStaleReplaceOrDeleteTwo() {
    Contact ann = person("Ann", "Lee");
    ContactId id = ann.id();
    Map<String, String> names = attributes("firstName", "Ann", "lastName", "Lee");

    assertEquals(
        1, roundTrips(() -> repository.replace(id, versions(1L), names)), "a replace: one write");
    assertEquals(
        1,
        roundTrips(() -> repository.update(id, versions(1L), changes("city", "Austin"))),
        "a stale update: the read that finds version 2");
    assertEquals(
        2,
        roundTrips(() -> repository.update(id, versions(2L), changes("city", "Austin"))),
        "an update reads the attributes it keeps, then writes");
    assertEquals(
        2,
        roundTrips(() -> repository.replace(id, versions(1L), names)),
        "a stale replace: the write, then the read that tells changed from missing");
    assertEquals(
        1, roundTrips(() -> repository.delete(id, ExpectedVersion.NONE)), "a delete: one write");
    assertEquals(
        1,
        roundTrips(() -> repository.delete(id, ExpectedVersion.ANY_EXISTING)),
        "a delete of a missing contact without versions to meet: one write");
  }

  @Test
  void contactStoredBeforeVersionsExistedIsVersionZeroAndCanBeWrittenAsSuch() {
    ObjectId objectId = new ObjectId();
    ContactId id = new ContactId(objectId.toHexString());
    collection.insertOne(
        new Document("_id", objectId).append("firstName", "Old").append("lastName", "Timer"));

    assertEquals(
        0, repository.findById(id).orElseThrow().version(), "no version field is version 0");
    assertEquals(
        new Changed(0),
        repository.update(id, versions(1L), changes("city", "Austin")),
        "version 1 is not current");
    assertEquals(
        new Changed(0),
        repository.replace(id, versions(1L), attributes("firstName", "A", "lastName", "B")),
        "nor for a replace");
    assertEquals(
        1,
        written(repository.update(id, versions(0L), changes("city", "Austin"))).version(),
        "version 0 is");

    collection.updateOne(
        new Document("_id", objectId), new Document("$unset", new Document("version", "")));
    assertEquals(
        1,
        written(repository.replace(id, versions(0L), attributes("firstName", "A", "lastName", "B")))
            .version(),
        "a replace of version 0 writes version 1");
  }

  // ---- filters and search ---------------------------------------------------------------------

  @Test
  void filtersMatchExactValuesAnyOfOneAttributeAndAllOfSeveral() {
    Contact ann = person("Ann", "Lee", "city", "Austin", "state", "TX");
    Contact bob = person("Bob", "Ray", "city", "Boston", "state", "MA");
    Contact cid = person("Cid", "Moss", "city", "Austin", "state", "MN");
    person("Dee", "Nash", "city", "Dallas", "state", "TX");

    assertEquals(
        ids(ann, cid), idsMatching(Map.of("city", List.of("Austin")), null), "city=Austin");
    assertEquals(
        ids(ann, bob, cid),
        idsMatching(Map.of("city", List.of("Austin", "Boston")), null),
        "any of");
    assertEquals(
        ids(ann),
        idsMatching(Map.of("city", List.of("Austin"), "state", List.of("TX")), null),
        "all of");
    assertEquals(
        List.of(),
        idsMatching(Map.of("city", List.of("austin")), null),
        "filters are exact, case included");
  }

  @ParameterizedTest(name = "filter[q]={0}")
  @CsvSource({
    "mcd       , Ann",
    "MCD       , Ann",
    "McDonald  , Ann",
    "ann       , Ann",
    "ANN@ACME  , Ann",
    "aus       , Ann",
    "acme      , Ann",
    "a+b       , Bob",
    "a.b       , Dee",
    "axb       , Cy",
    "donald    , none",
    "555       , none",
    "(         , none",
    "mcdonalds , none"
  })
  void searchIsACaseInsensitivePrefixOfAnySearchableAttributeTakenLiterally(
      String search, String expected) {
    Map<String, Contact> byName = new LinkedHashMap<>();
    for (Contact contact :
        List.of(
            person(
                "Ann",
                "McDonald",
                "companyName",
                "Acme Corp",
                "email",
                "ann@acme.example",
                "city",
                "Austin"),
            person("Bob", "Smith", "companyName", "A+B Consulting", "phone1", "555-0100"),
            person("Cy", "Young", "companyName", "AxB Ltd", "state", "MC"),
            person("Dee", "Nash", "companyName", "A.B. Partners"))) {
      byName.put(contact.attribute("firstName"), contact);
    }

    List<ContactId> expectedIds =
        expected.equals("none") ? List.of() : List.of(byName.get(expected).id());
    assertEquals(expectedIds, idsMatching(Map.of(), search), "contacts found by " + search);
  }

  @Test
  void searchFollowsAChangedName() {
    Contact ann = person("Ann", "Lee");

    repository.update(ann.id(), ExpectedVersion.NONE, changes("lastName", "Moss"));

    assertEquals(ids(ann), idsMatching(Map.of(), "mos"), "found by the new name");
    assertEquals(List.of(), idsMatching(Map.of(), "lee"), "not by the old one");
  }

  // ---- order and pages ------------------------------------------------------------------------

  /** Nine contacts with ties, missing values and an empty value in the sorted attributes. */
  private List<Contact> insertPeople() {
    List<Contact> people = new ArrayList<>();
    people.add(person("Ann", "Lee", "city", "Austin", "companyName", "Acme"));
    people.add(person("Bob", "Lee", "city", "Austin", "companyName", null));
    people.add(person("Cid", "Moss", "city", null, "companyName", "Zeta"));
    people.add(person("Dee", "Moss", "city", "", "companyName", "Acme"));
    people.add(person("Eve", "Nash", "city", "Boston", "companyName", "Acme"));
    people.add(person("Fay", "Lee", "city", null, "companyName", "Bolt"));
    people.add(person("Gus", "Nash", "city", "Austin", "companyName", "Zeta"));
    people.add(person("Hal", "Ode", "city", "Boston", "companyName", null));
    people.add(person("Ivy", "Ode", "city", "Austin", "companyName", "Bolt"));
    return people;
  }

  /** The order MongoDB defines: a missing value before any string, ties broken by the id. */
  private static List<ContactId> expectedOrder(List<Contact> contacts, List<SortKey> sort) {
    Comparator<Contact> order = (a, b) -> 0;
    for (SortKey key : sort) {
      Comparator<Contact> byKey =
          Comparator.comparing(
              contact -> contact.attribute(key.attribute()),
              Comparator.nullsFirst(Comparator.naturalOrder()));
      order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
    }
    return contacts.stream()
        .sorted(order.thenComparing(contact -> contact.id().text()))
        .map(Contact::id)
        .toList();
  }

  private static List<SortKey> sortOf(String sort) {
    return sort.isEmpty()
        ? List.of()
        : Arrays.stream(sort.split(","))
            .map(
                key ->
                    key.startsWith("-")
                        ? new SortKey(key.substring(1), true)
                        : SortKey.ascending(key))
            .toList();
  }

  private static Cursor cursorAt(Contact contact, List<SortKey> sort) {
    return new Cursor(
        sort.stream().map(key -> contact.attribute(key.attribute())).toList(), contact.id().text());
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(
      strings = {
        "",
        "city",
        "-city",
        "city,-lastName",
        "-companyName,firstName",
        "lastName,city,companyName"
      })
  void sortOrdersByEveryKeyWithMissingValuesFirstAndTiesBrokenById(String sort) {
    List<Contact> people = insertPeople();

    assertEquals(
        expectedOrder(people, sortOf(sort)),
        ids(query(Map.of(), null, sortOf(sort), 100)),
        "order for sort=" + sort);
  }

  @Test
  void offsetPagesSplitTheOrderAndSayWhetherMoreFollow() {
    List<Contact> people = insertPeople();
    List<SortKey> sort = sortOf("lastName,firstName");
    List<ContactId> order = expectedOrder(people, sort);

    List<ContactId> seen = new ArrayList<>();
    for (int number = 1; number <= 3; number++) {
      ContactPage page =
          repository.findPage(
              new ContactQuery(Map.of(), null, sort, ContactQuery.Page.numbered(number, 4)));
      page.contacts().forEach(contact -> seen.add(contact.id()));
      assertEquals(number < 3, page.hasMore(), "more after page " + number);
    }
    assertEquals(order, seen, "pages 1 to 3 hold every contact once, in order");
    assertEquals(
        List.of(),
        ids(new ContactQuery(Map.of(), null, sort, ContactQuery.Page.numbered(4, 4))),
        "page 4 is empty");
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"", "city", "-city", "city,-lastName", "-companyName,firstName"})
  void cursorPagesForwardVisitEveryContactOnceInOrder(String sortText) {
    List<SortKey> sort = sortOf(sortText);
    List<Contact> people = insertPeople();

    List<ContactId> seen = new ArrayList<>();
    Cursor after = null;
    for (int pages = 0; pages <= people.size(); pages++) {
      ContactPage page =
          repository.findPage(new ContactQuery(Map.of(), null, sort, cursorPage(2, after, null)));
      page.contacts().forEach(contact -> seen.add(contact.id()));
      if (!page.hasMore()) {
        break;
      }
      after = cursorAt(page.contacts().get(page.contacts().size() - 1), sort);
    }

    assertEquals(
        expectedOrder(people, sort), seen, "every contact once, in order, for sort=" + sortText);
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"", "city", "-city", "city,-lastName", "-companyName,firstName"})
  void cursorPagesBackwardVisitEveryContactOnceInOrder(String sortText) {
    List<SortKey> sort = sortOf(sortText);
    List<Contact> people = insertPeople();
    List<ContactId> order = expectedOrder(people, sort);
    Contact last =
        people.stream()
            .filter(c -> c.id().equals(order.get(order.size() - 1)))
            .findFirst()
            .orElseThrow();

    List<ContactId> seen = new ArrayList<>(List.of(last.id()));
    Cursor before = cursorAt(last, sort);
    for (int pages = 0; pages <= people.size(); pages++) {
      ContactPage page =
          repository.findPage(new ContactQuery(Map.of(), null, sort, cursorPage(2, null, before)));
      seen.addAll(0, page.contacts().stream().map(Contact::id).toList());
      if (!page.hasMore()) {
        break;
      }
      before = cursorAt(page.contacts().get(0), sort);
    }

    assertEquals(order, seen, "every contact once, each page in order, for sort=" + sortText);
  }

  @Test
  void cursorPagesKeepToTheFilter() {
    List<Contact> people = insertPeople();
    List<SortKey> sort = sortOf("-city");
    Map<String, List<String>> filters = Map.of("companyName", List.of("Acme", "Bolt"));
    List<Contact> matching =
        people.stream()
            .filter(c -> Arrays.asList("Acme", "Bolt").contains(c.attribute("companyName")))
            .toList();
    List<ContactId> expected = expectedOrder(matching, sort);

    ContactPage first =
        repository.findPage(new ContactQuery(filters, null, sort, cursorPage(3, null, null)));
    Cursor after = cursorAt(first.contacts().get(2), sort);
    ContactPage second =
        repository.findPage(new ContactQuery(filters, null, sort, cursorPage(3, after, null)));

    List<ContactId> seen = new ArrayList<>();
    Stream.of(first, second)
        .forEach(page -> page.contacts().forEach(contact -> seen.add(contact.id())));
    assertEquals(expected, seen, "two pages of three hold the five matches");
    assertFalse(second.hasMore(), "and nothing follows");
  }

  @Test
  void totalIsTheCollectionsCountWhenUnfilteredAndAnExactCountWhenFiltered() {
    insertPeople();

    ContactPage all = repository.findPage(query(Map.of(), null, List.of(), 2));
    assertNotNull(all.total(), "an unfiltered page has a total");
    assertEquals(9, all.total(), "all contacts");
    assertFalse(all.exactTotal(), "from the collection's own count");
    assertTrue(all.hasMore(), "more than one page");

    ContactPage austin =
        repository.findPage(query(Map.of("city", List.of("Austin")), null, List.of(), 2));
    assertEquals(4, austin.total(), "the matches, not the page");
    assertTrue(austin.exactTotal(), "counted");
    assertEquals(2, austin.contacts().size(), "one page");

    ContactPage searched = repository.findPage(query(Map.of(), "ode", List.of(), 2));
    assertEquals(2, searched.total(), "a search is counted too");
    assertTrue(searched.exactTotal(), "counted");
  }
}
