package org.contacts.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.contacts.jsonapi.PageLinks;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.junit.jupiter.api.Test;

/** Page links are valid, absolute URIs whatever query the client sent. */
class PageLinksBuilderTest {

  private static final String PATH = "http://localhost:9080/contacts";

  private static PageLinks links(String rawQuery, String... parameters) {
    MultivaluedHashMap<String, String> decoded = new MultivaluedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      decoded.add(parameters[i], parameters[i + 1]);
    }
    ContactQuery query =
        new ContactQuery(java.util.Map.of(), null, List.of(), ContactQuery.Page.numbered(1, 2));
    return new PageLinksBuilder(PATH, rawQuery, decoded)
        .links(query, new ContactPage(List.of(), 0L, true, false));
  }

  @Test
  void selfEncodesRawBracketsAndKeepsTheClientsOrder() {
    assertEquals(
        PATH + "?sort=lastName&page%5Bsize%5D=2&filter%5Bcity%5D=New%20York",
        links(
                "sort=lastName&page[size]=2&filter[city]=New+York",
                "page[size]",
                "2",
                "sort",
                "lastName",
                "filter[city]",
                "New York")
            .self(),
        "self");
  }

  @Test
  void selfKeepsWhatWasEncodedAlreadyAndEncodesBrokenEscapes() {
    assertEquals(
        PATH + "?page%5Bsize%5D=2&filter%5Bq%5D=%25zz",
        links("page%5Bsize%5D=2&filter[q]=%zz", "page[size]", "2", "filter[q]", "%zz").self(),
        "self");
  }

  @Test
  void withoutAQuerySelfIsTheCollection() {
    assertEquals(PATH, links(null).self(), "self");
  }
}
