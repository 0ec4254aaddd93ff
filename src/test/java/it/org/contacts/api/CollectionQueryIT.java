package it.org.contacts.api;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paging, sorting, filtering and sparse fieldsets on GET /contacts. Each test works on contacts of
 * its own, told apart from any others by a company name no other test uses.
 */
class CollectionQueryIT extends DeployedServiceBase {

  private static final String CURSOR_PROFILE =
      "https://jsonapi.org/profiles/ethanresnick/cursor-pagination/";

  private final List<String> created = new ArrayList<>();
  private String company;

  @BeforeEach
  void company() {
    company = "Query Co " + UUID.randomUUID();
  }

  @AfterEach
  void deleteCreated() {
    created.forEach(Api::deleteContact);
  }

  private void contact(String first, String last, String state, String city) {
    created.add(
        Api.createContact(
            Map.of(
                "firstName",
                first,
                "lastName",
                last,
                "companyName",
                company,
                "state",
                state,
                "city",
                city)));
  }

  private String mine() {
    return "filter[companyName]=" + company.replace(" ", "%20");
  }

  private static List<String> names(ApiResponse page) {
    List<String> names = new ArrayList<>();
    for (JsonValue resource : page.json().getJsonArray("data")) {
      JsonObject attributes = resource.asJsonObject().getJsonObject("attributes");
      names.add(attributes.getString("lastName") + " " + attributes.getString("firstName"));
    }
    return names;
  }

  private static ApiResponse get(String path) {
    ApiResponse response = Api.getJsonApi(path);
    assertEquals(200, response.status(), () -> path + ": " + response);
    return response;
  }

  @Test
  void pagesByNumberWithLinksAndTotal() {
    for (int i = 0; i < 5; i++) {
      contact("F" + i, "L" + i, "CA", "Fresno");
    }
    ApiResponse second = get("/contacts?" + mine() + "&sort=lastName&page[number]=2&page[size]=2");
    assertEquals(List.of("L2 F2", "L3 F3"), names(second), "the second page of two");
    JsonObject links = second.json().getJsonObject("links");
    assertEquals(5, second.json().getJsonObject("meta").getInt("total"), "the total of matches");
    assertEquals(
        "exact",
        second.json().getJsonObject("meta").getString("totalKind"),
        "filtered totals are exact counts");
    assertEquals(
        List.of("L0 F0", "L1 F1"), names(get(links.getString("prev"))), "prev is page one");
    assertEquals(List.of("L4 F4"), names(get(links.getString("next"))), "next is page three");
    assertEquals(List.of("L4 F4"), names(get(links.getString("last"))), "last is page three");
    assertEquals(
        List.of("L0 F0", "L1 F1"), names(get(links.getString("first"))), "first is page one");
    assertTrue(
        get(links.getString("last")).json().getJsonObject("links").isNull("next"),
        "no next after the last page");
  }

  @Test
  void collectionIsPagedByDefault() {
    ApiResponse page = get("/contacts");
    assertTrue(page.json().getJsonArray("data").size() <= 20, "at most the default page size");
    assertTrue(page.json().getJsonObject("links").containsKey("next"), "with a next link");
  }

  @Test
  void sortsByManyKeysDescendingWithDash() {
    contact("Ann", "Baker", "CA", "Fresno");
    contact("Zed", "Baker", "CA", "Fresno");
    contact("Bob", "Adams", "CA", "Fresno");
    assertEquals(
        List.of("Adams Bob", "Baker Zed", "Baker Ann"),
        names(get("/contacts?" + mine() + "&sort=lastName,-firstName")),
        "lastName ascending, then firstName descending");
    assertEquals(
        List.of("Baker Ann", "Baker Zed", "Adams Bob"),
        names(get("/contacts?" + mine() + "&sort=-lastName,firstName")),
        "lastName descending, then firstName ascending");
  }

  @Test
  void filtersByExactValueAndAnyOfCommaSeparatedValues() {
    contact("A", "One", "CA", "Fresno");
    contact("B", "Two", "NY", "Albany");
    contact("C", "Three", "TX", "Austin");
    assertEquals(
        List.of("Two B"), names(get("/contacts?" + mine() + "&filter[state]=NY")), "exact match");
    assertEquals(
        List.of("One A", "Three C"),
        names(get("/contacts?" + mine() + "&filter[state]=CA,TX&sort=state")),
        "any of the values");
    assertEquals(
        List.of(),
        names(get("/contacts?" + mine() + "&filter[state]=ny")),
        "exact means case-sensitive");
  }

  @Test
  void quickSearchIsACaseInsensitivePrefixOverNamesCompanyEmailAndCity() {
    contact("Marguerite", "Perey", "FR", "Villemomble");
    contact("Lise", "Meitner", "AT", "Vienna");
    String unique = company.substring(9, 17); // part of the UUID: only this test's contacts match
    assertEquals(
        2,
        names(get("/contacts?filter[q]=query%20co%20" + unique)).size(),
        "company prefix, any case");
    assertEquals(
        List.of("Meitner Lise"),
        names(get("/contacts?" + mine() + "&filter[q]=MEIT")),
        "last name prefix, combined with another filter");
    assertEquals(
        List.of("Perey Marguerite"),
        names(get("/contacts?" + mine() + "&filter[q]=villem")),
        "city prefix");
    assertEquals(
        List.of(),
        names(get("/contacts?" + mine() + "&filter[q]=eitner")),
        "a prefix, not a substring");
    assertEquals(
        List.of(),
        names(get("/contacts?" + mine() + "&filter[q]=.*")),
        "regular expressions are text");
  }

  @Test
  void sparseFieldsetsReturnOnlyTheFieldsAsked() {
    contact("Rosalind", "Franklin", "GB", "London");
    ApiResponse page = get("/contacts?" + mine() + "&fields[contacts]=lastName,city");
    JsonObject attributes =
        page.json().getJsonArray("data").getJsonObject(0).getJsonObject("attributes");
    assertEquals(Set.of("lastName", "city"), attributes.keySet(), "only the fields asked for");
    String id = created.get(0);
    ApiResponse single = Api.getJsonApi("/contacts/" + id + "?fields[contacts]=firstName");
    assertEquals(Set.of("firstName"), single.attributes().keySet(), "on a single contact too");
  }

  @Test
  void cursorPagesVisitEveryContactOnceDespiteConcurrentInserts() {
    for (int i = 0; i < 7; i++) {
      contact("F" + i, "L" + i, "CA", "Fresno");
    }
    String path = "/contacts?" + mine() + "&sort=lastName&page[size]=3";
    ApiResponse firstPage =
        Api.get(path, "Accept", JSON_API + "; profile=\"" + CURSOR_PROFILE + "\"");
    assertEquals(200, firstPage.status(), () -> "first cursor page: " + firstPage);
    assertTrue(
        firstPage.header("Content-Type").contains(CURSOR_PROFILE), "the profile is announced");
    ApiResponse page = firstPage;
    List<String> seen = new ArrayList<>(names(page));
    assertTrue(page.json().getJsonObject("links").isNull("prev"), "no prev on the first page");
    contact("F9", "L9", "CA", "Fresno"); // sorts after everything: must still be reached
    contact("F0", "A0", "CA", "Fresno"); // sorts before the pages already read: must not shift them
    while (!page.json().getJsonObject("links").isNull("next")) {
      page = get(page.json().getJsonObject("links").getString("next"));
      seen.addAll(names(page));
    }
    assertEquals(
        List.of("L0 F0", "L1 F1", "L2 F2", "L3 F3", "L4 F4", "L5 F5", "L6 F6", "L9 F9"),
        seen,
        "every contact after the start, once, in order");
    ApiResponse back = get(page.json().getJsonObject("links").getString("prev"));
    assertEquals(
        List.of("L3 F3", "L4 F4", "L5 F5"),
        names(back),
        "prev from the last page [L6, L9] goes back one page");
  }

  @Test
  void cursorPageSizeAboveTheMaximumIsATypedError() {
    ApiResponse response = Api.getJsonApi("/contacts?page[size]=1000&page[after]=x");
    assertEquals(400, response.status(), "too large");
    JsonArray errors = response.json().getJsonArray("errors");
    JsonObject tooLarge = null;
    for (JsonValue error : errors) {
      if ("page[size]"
          .equals(error.asJsonObject().getJsonObject("source").getString("parameter"))) {
        tooLarge = error.asJsonObject();
      }
    }
    assertTrue(tooLarge != null, () -> "an error names page[size]: " + response);
    assertEquals(
        CURSOR_PROFILE + "max-size-exceeded",
        tooLarge.getJsonObject("links").getString("type"),
        "typed error");
    assertEquals(
        100,
        tooLarge.getJsonObject("meta").getJsonObject("page").getInt("maxSize"),
        "says the maximum");
  }

  @Test
  void everyProblemOfAQueryStringIsReportedTogetherWithItsParameter() {
    ApiResponse response =
        Api.getJsonApi(
            "/contacts?sort=nickname&filter[shoeSize]=9&page[number]=0&include=company&foo=bar");
    assertEquals(400, response.status(), () -> "bad query: " + response);
    Set<String> parameters = new HashSet<>();
    response
        .json()
        .getJsonArray("errors")
        .forEach(
            error ->
                parameters.add(
                    error.asJsonObject().getJsonObject("source").getString("parameter")));
    assertEquals(
        Set.of("sort", "filter[shoeSize]", "page[number]", "include", "foo"),
        parameters,
        "one error per problem");
  }

  @Test
  void pageSizeAboveTheMaximumIs400() {
    ApiResponse response = Api.getJsonApi("/contacts?page[size]=101");
    assertEquals(400, response.status(), "above the configured maximum of 100");
    assertEquals(
        "page[size]",
        response.error().getJsonObject("source").getString("parameter"),
        "names the parameter");
  }

  @Test
  void unchangedPageAnswers304ToIfNoneMatch() {
    contact("Chien-Shiung", "Wu", "NY", "New York");
    String path = "/contacts?" + mine();
    ApiResponse first = get(path);
    String tag = first.header("ETag");
    assertTrue(tag != null && !tag.isBlank(), "a page has an ETag");
    assertEquals(304, Api.getJsonApi(path, "If-None-Match", tag).status(), "unchanged: 304");
    contact("Emmy", "Noether", "NY", "New York");
    ApiResponse changed = Api.getJsonApi(path, "If-None-Match", tag);
    assertEquals(200, changed.status(), "a new contact on the page changes it");
    assertFalse(tag.equals(changed.header("ETag")), "and its ETag");
  }
}
