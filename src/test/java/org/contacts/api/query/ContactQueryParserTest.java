package org.contacts.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.contacts.config.TestSettings;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.SortKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactQueryParserTest {

  private static final int DEFAULT_SIZE = 7;
  private static final int MAX_SIZE = 30;
  private static final String CURSOR_PROFILE =
      "https://jsonapi.org/profiles/ethanresnick/cursor-pagination/";

  /** Query parameters from name=value pairs; a name may come more than once. */
  private static MultivaluedMap<String, String> query(String... pairs) {
    MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      parameters.add(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return parameters;
  }

  private static ContactQueryParser.Parsed parse(String... pairs) {
    return parse(false, pairs);
  }

  private static ContactQueryParser.Parsed parse(boolean cursorByDefault, String... pairs) {
    return new ContactQueryParser(TestSettings.contacts(DEFAULT_SIZE, MAX_SIZE))
        .parse(query(pairs), cursorByDefault);
  }

  private static List<ErrorObject> errors(String... pairs) {
    ApiException refused =
        assertThrows(ApiException.class, () -> parse(pairs), "refused: " + List.of(pairs));
    assertEquals(400, refused.status(), "a bad query string is a 400");
    return refused.errors();
  }

  /** The one error of a refused query string, which must name the given parameter. */
  private static ErrorObject errorAt(String parameter, String... pairs) {
    List<ErrorObject> errors = errors(pairs);
    assertEquals(1, errors.size(), () -> "one error: " + errors);
    assertEquals(parameter, errors.get(0).parameter(), () -> "source.parameter: " + errors);
    return errors.get(0);
  }

  @Test
  void noParametersMeansFirstPageOfDefaultSizeUnsortedUnfilteredWithAllFields() {
    ContactQueryParser.Parsed parsed = parse();

    assertEquals(
        ContactQuery.Page.numbered(1, DEFAULT_SIZE),
        parsed.query().page(),
        "first page, default size");
    assertEquals(List.of(), parsed.query().sort(), "no sort");
    assertTrue(parsed.query().filters().isEmpty() && parsed.query().search() == null, "no filter");
    assertNull(parsed.fields(), "all fields");
  }

  @Test
  void cursorProfileClientsGetAFirstCursorPageByDefault() {
    ContactQuery.Page page = parse(true).query().page();

    assertTrue(page.isCursor(), "a cursor page: " + page);
    assertEquals(DEFAULT_SIZE, page.size(), "default size");
    assertNull(page.after(), "from the start");
    assertNull(page.before(), "from the start");
  }

  @Test
  void sortListsKeysInOrderWithMinusForDescending() {
    assertEquals(
        List.of(SortKey.ascending("lastName"), new SortKey("city", true)),
        parse("sort=lastName,-city").query().sort(),
        "sort keys");
  }

  @Test
  void repeatedSortFieldCountsOnce() {
    assertEquals(
        List.of(SortKey.ascending("lastName")),
        parse("sort=lastName,-lastName").query().sort(),
        "first one wins");
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"age", "-age", "lastName,age", "_id", "--city", ""})
  void unknownSortFieldIsAnUnsupportedSortError(String sort) {
    ErrorObject error = errorAt("sort", "sort=" + sort);

    assertTrue(
        error.typeLink().endsWith("unsupported-sort"), () -> "links.type of the profile: " + error);
  }

  @Test
  void filterOnAnAttributeMatchesAnyOfItsCommaSeparatedValues() {
    assertEquals(
        Map.of("city", List.of("Austin", "Boston"), "state", List.of("TX")),
        parse("filter[city]=Austin,Boston", "filter[state]=TX").query().filters(),
        "filters");
  }

  @Test
  void filterQIsATrimmedSearch() {
    ContactQuery query = parse("filter[q]= McD ").query();

    assertEquals("McD", query.search(), "search text");
    assertTrue(query.filters().isEmpty(), "q is no attribute filter");
  }

  @Test
  void filterQMustHaveSomeTextAndNotTooMuch() {
    errorAt("filter[q]", "filter[q]=  ");
    errorAt("filter[q]", "filter[q]=" + "a".repeat(101));
    assertEquals(
        "a".repeat(100), parse("filter[q]=" + "a".repeat(100)).query().search(), "100 is allowed");
  }

  @Test
  void filterOnAnUnknownAttributeIsAnError() {
    ErrorObject error = errorAt("filter[age]", "filter[age]=42");

    assertEquals("Unknown filter", error.title(), "title");
  }

  @Test
  void fieldsOfContactsSelectsAttributes() {
    assertEquals(
        Set.of("firstName", "email"), parse("fields[contacts]=firstName,email").fields(), "fields");
    assertEquals(
        Set.of(), parse("fields[contacts]=").fields(), "an empty list selects no attribute");
  }

  @Test
  void fieldsOfAnUnknownAttributeOrTypeIsAnError() {
    errorAt("fields[contacts]", "fields[contacts]=firstName,age");
    errorAt("fields[people]", "fields[people]=firstName");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "include",
        "filter",
        "page",
        "page[offset]",
        "page[limit]",
        "fields",
        "sort[city]",
        "q"
      })
  void unknownParameterIsAnErrorNamingIt(String name) {
    ErrorObject error = errorAt(name, name + "=1");

    assertEquals("Unsupported query parameter", error.title(), "title");
  }

  @Test
  void repeatedParameterIsAnError() {
    errorAt("sort", "sort=city", "sort=lastName");
  }

  @Test
  void pageNumberAndSizeGiveAnOffsetPage() {
    ContactQuery.Page page = parse("page[number]=3", "page[size]=10").query().page();

    assertEquals(ContactQuery.Page.numbered(3, 10), page, "page 3 of 10");
    assertEquals(20, page.offset(), "skips two pages");
  }

  @Test
  void pageSizeMayBeOneUpToTheMaximum() {
    assertEquals(1, parse("page[size]=1").query().page().size(), "one");
    assertEquals(MAX_SIZE, parse("page[size]=" + MAX_SIZE).query().page().size(), "the maximum");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "page[size]=0",
        "page[size]=-1",
        "page[size]=ten",
        "page[size]=",
        "page[size]=1.5",
        "page[number]=0",
        "page[number]=x",
        "page[number]=99999999999"
      })
  void pageNumberAndSizeMustBeWholeNumbersOfAtLeastOne(String pair) {
    errorAt(pair.substring(0, pair.indexOf('=')), pair);
  }

  @Test
  void pageSizeOverTheMaximumSaysTheMaximum() {
    ErrorObject error = errorAt("page[size]", "page[size]=" + (MAX_SIZE + 1));

    assertEquals(
        MAX_SIZE, error.meta().getJsonObject("page").getInt("maxSize"), "meta.page.maxSize");
    assertEquals(CURSOR_PROFILE + "max-size-exceeded", error.typeLink(), "links.type");
  }

  @Test
  void afterAndBeforeTogetherIsRangePaginationWhichIsNotSupported() {
    Contact contact = new Contact(new ContactId("65a1b2c3d4e5f60718293a4b"), 1, Map.of());
    String cursor = Cursors.encode(contact, List.of());

    ErrorObject error = errorAt("page[before]", "page[after]=" + cursor, "page[before]=" + cursor);

    assertEquals(CURSOR_PROFILE + "range-pagination-not-supported", error.typeLink(), "links.type");
  }

  @Test
  void pageNumberCannotBeMixedWithACursor() {
    String cursor =
        Cursors.encode(
            new Contact(new ContactId("65a1b2c3d4e5f60718293a4b"), 1, Map.of()), List.of());

    errorAt("page[number]", "page[number]=2", "page[after]=" + cursor);
  }

  @Test
  void cursorOfThisSortOrderGivesAKeysetPage() {
    List<SortKey> sort = List.of(new SortKey("city", true));
    String cursor =
        Cursors.encode(
            new Contact(new ContactId("65a1b2c3d4e5f60718293a4b"), 1, Map.of("city", "Austin")),
            sort);

    ContactQuery.Page page =
        parse("sort=-city", "page[after]=" + cursor, "page[size]=5").query().page();

    assertEquals(
        new ContactQuery.Page(
            5, 0, new Cursor(List.of("Austin"), "65a1b2c3d4e5f60718293a4b"), null),
        page,
        "a page of 5 after that contact");
  }

  @Test
  void invalidCursorIsAnErrorNamingItsParameter() {
    errorAt("page[after]", "page[after]=bm90IGEgY3Vyc29y");
    errorAt("page[before]", "page[before]=%%%");
  }

  @Test
  void cursorOfAnotherSortOrderIsInvalid() {
    String cursor =
        Cursors.encode(
            new Contact(new ContactId("65a1b2c3d4e5f60718293a4b"), 1, Map.of()), List.of());

    ErrorObject error = errorAt("page[after]", "sort=city", "page[after]=" + cursor);

    assertEquals("Invalid cursor", error.title(), "title");
  }

  @Test
  void everyProblemOfAQueryStringIsReportedAtOnce() {
    List<ErrorObject> errors =
        errors(
            "sort=age", "filter[age]=1", "fields[contacts]=age", "include=company", "page[size]=0");

    assertEquals(5, errors.size(), () -> "one error per bad parameter: " + errors);
    assertEquals(
        Set.of("sort", "filter[age]", "fields[contacts]", "include", "page[size]"),
        Set.copyOf(errors.stream().map(ErrorObject::parameter).toList()),
        "each error names its parameter: " + errors);
  }
}
