package org.contacts.model;

import java.util.List;
import java.util.Set;

/**
 * The attributes a contact has: all strings, all optional but the two names. The one list of their
 * names: the OpenAPI document and docs/api.md are held against it by a test.
 */
public final class ContactAttributes {

  public static final String FIRST_NAME = "firstName";
  public static final String LAST_NAME = "lastName";
  public static final String COMPANY_NAME = "companyName";
  public static final String ADDRESS = "address";
  public static final String CITY = "city";
  public static final String COUNTY = "county";
  public static final String STATE = "state";
  public static final String ZIP = "zip";
  public static final String PHONE1 = "phone1";
  public static final String PHONE2 = "phone2";
  public static final String EMAIL = "email";
  public static final String WEBSITE = "website";

  /** Every attribute, in the order documents list them. */
  public static final List<String> NAMES =
      List.of(
          FIRST_NAME,
          LAST_NAME,
          COMPANY_NAME,
          ADDRESS,
          CITY,
          COUNTY,
          STATE,
          ZIP,
          PHONE1,
          PHONE2,
          EMAIL,
          WEBSITE);

  public static final Set<String> REQUIRED = Set.of(FIRST_NAME, LAST_NAME);

  /** The attributes the quick search (`filter[q]`) looks at. */
  public static final List<String> SEARCHABLE =
      List.of(FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL, CITY);

  private static final Set<String> NAME_SET = Set.copyOf(NAMES);

  private ContactAttributes() {}

  public static boolean isKnown(String name) {
    return NAME_SET.contains(name);
  }
}
