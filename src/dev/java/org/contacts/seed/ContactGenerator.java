package org.contacts.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.datafaker.Faker;
import org.contacts.model.ContactAttributes;

/**
 * Generates realistic sample contacts with every attribute filled. The same seed always gives the
 * same contacts, so demonstrations and benchmarks are repeatable.
 */
public final class ContactGenerator {

  public static final long DEFAULT_SEED = 20_240_501L;

  private final Faker faker;

  public ContactGenerator(long seed) {
    this.faker = new Faker(Locale.US, new Random(seed));
  }

  public List<Map<String, String>> generate(int count) {
    return IntStream.range(0, count).mapToObj(i -> next()).toList();
  }

  /** The attributes of one more contact. */
  public Map<String, String> next() {
    String firstName = faker.name().firstName();
    String lastName = faker.name().lastName();
    String company = faker.company().name();
    String state = faker.address().stateAbbr();
    String zip = faker.address().zipCodeByState(state);
    String domain = slug(company) + "." + faker.internet().domainSuffix();
    Map<String, String> contact = new LinkedHashMap<>();
    contact.put(ContactAttributes.FIRST_NAME, firstName);
    contact.put(ContactAttributes.LAST_NAME, lastName);
    contact.put(ContactAttributes.COMPANY_NAME, company);
    contact.put(ContactAttributes.ADDRESS, faker.address().streetAddress());
    contact.put(ContactAttributes.CITY, faker.address().cityName());
    contact.put(ContactAttributes.COUNTY, county(zip));
    contact.put(ContactAttributes.STATE, state);
    contact.put(ContactAttributes.ZIP, zip);
    contact.put(ContactAttributes.PHONE1, faker.phoneNumber().cellPhone());
    contact.put(ContactAttributes.PHONE2, faker.phoneNumber().phoneNumber());
    contact.put(ContactAttributes.EMAIL, slug(firstName.charAt(0) + lastName) + "@" + domain);
    contact.put(ContactAttributes.WEBSITE, "http://www." + domain);
    return contact;
  }

  private String county(String zip) {
    try {
      return faker.address().countyByZipCode(zip);
    } catch (RuntimeException unknownZip) {
      return faker.address().cityName() + " County";
    }
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    return slug.isEmpty() ? "example" : slug;
  }
}
