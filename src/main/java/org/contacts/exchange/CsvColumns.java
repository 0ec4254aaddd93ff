package org.contacts.exchange;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.contacts.model.ContactAttributes;

/**
 * What a CSV column holds, by its header: an attribute's name in camelCase, snake_case or spaced
 * words, in any case ({@code firstName}, {@code first_name}, {@code First Name}), or one of the
 * usual synonyms ({@code web} for website, {@code company} for companyName), or {@code id}.
 */
public final class CsvColumns {

  /** The column of the contact id. */
  public static final String ID = "id";

  private static final Map<String, String> BY_KEY = new HashMap<>();

  static {
    for (String attribute : ContactAttributes.NAMES) {
      BY_KEY.put(key(attribute), attribute);
    }
    BY_KEY.put("id", ID);
    synonyms(ContactAttributes.FIRST_NAME, "given", "givenname", "forename", "first");
    synonyms(ContactAttributes.LAST_NAME, "surname", "familyname", "family", "last");
    synonyms(ContactAttributes.COMPANY_NAME, "company", "organization", "organisation", "org");
    synonyms("address", "street", "streetaddress", "address1");
    synonyms("state", "region", "province");
    synonyms("zip", "zipcode", "postalcode", "postcode");
    synonyms("phone1", "phone", "telephone", "tel");
    synonyms(ContactAttributes.EMAIL, "emailaddress", "mail");
    synonyms(ContactAttributes.WEBSITE, "web", "url", "homepage", "webpage");
  }

  private CsvColumns() {}

  /** The attribute (or {@link #ID}) a column of this header holds, if any. */
  public static Optional<String> attributeOf(String header) {
    return Optional.ofNullable(BY_KEY.get(key(header)));
  }

  /**
   * The header with case, spaces, underscores, dashes and dots set aside: First_Name is firstname.
   */
  private static String key(String header) {
    return header.replaceAll("[\\s_.\\-]", "").toLowerCase(Locale.ROOT);
  }

  private static void synonyms(String attribute, String... names) {
    for (String name : names) {
      BY_KEY.put(name, attribute);
    }
  }
}
