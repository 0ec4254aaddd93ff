package org.contacts.model;

import java.util.List;
import java.util.Set;

/** The attributes a contact has: all strings, all optional but the two names. */
public final class ContactAttributes {

  public static final String FIRST_NAME = "firstName";
  public static final String LAST_NAME = "lastName";
  public static final String COMPANY_NAME = "companyName";
  public static final String EMAIL = "email";
  public static final String WEBSITE = "website";
  public static final String CITY = "city";

  /** Every attribute, in the order documents list them. */
  public static final List<String> NAMES =
      List.of(
          FIRST_NAME,
          LAST_NAME,
          COMPANY_NAME,
          "address",
          CITY,
          "county",
          "state",
          "zip",
          "phone1",
          "phone2",
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
