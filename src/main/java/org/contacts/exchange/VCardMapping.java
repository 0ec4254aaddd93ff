package org.contacts.exchange;

import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import ezvcard.property.VCardProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;

/**
 * A contact as a vCard and back (docs/api.md, "Import and export"): UID is the id, N and FN the
 * names, ORG the company, ADR the address with the county in an X-COUNTY parameter (vCard has no
 * county), the preferred TEL phone1 and the next phone2, EMAIL and URL. Whatever else a card holds
 * (photos, birthdays, further numbers) is not kept.
 */
public final class VCardMapping {

  /** The ADR parameter that carries the county. */
  public static final String COUNTY = "X-COUNTY";

  private VCardMapping() {}

  public static VCard toVCard(Contact contact) {
    VCard card = new VCard();
    card.setUid(new Uid(contact.id().text()));
    String first = contact.attribute(ContactAttributes.FIRST_NAME);
    String last = contact.attribute(ContactAttributes.LAST_NAME);
    StructuredName name = new StructuredName();
    name.setGiven(first);
    name.setFamily(last);
    card.setStructuredName(name);
    card.setFormattedName(
        Stream.of(first, last).filter(part -> part != null).collect(Collectors.joining(" ")));
    String company = contact.attribute(ContactAttributes.COMPANY_NAME);
    if (company != null) {
      card.setOrganization(company);
    }
    address(contact).ifPresent(card::addAddress);
    phone(contact.attribute("phone1"), 1).ifPresent(card::addTelephoneNumber);
    phone(contact.attribute("phone2"), null).ifPresent(card::addTelephoneNumber);
    String email = contact.attribute(ContactAttributes.EMAIL);
    if (email != null) {
      card.addEmail(email);
    }
    String website = contact.attribute(ContactAttributes.WEBSITE);
    if (website != null) {
      card.addUrl(website);
    }
    return card;
  }

  private static Optional<Address> address(Contact contact) {
    String street = contact.attribute("address");
    String city = contact.attribute(ContactAttributes.CITY);
    String county = contact.attribute("county");
    String state = contact.attribute("state");
    String zip = contact.attribute("zip");
    if (Stream.of(street, city, county, state, zip).allMatch(part -> part == null)) {
      return Optional.empty();
    }
    Address address = new Address();
    address.setStreetAddress(street);
    address.setLocality(city);
    address.setRegion(state);
    address.setPostalCode(zip);
    if (county != null) {
      address.getParameters().put(COUNTY, county);
    }
    return Optional.of(address);
  }

  private static Optional<Telephone> phone(String number, Integer pref) {
    if (number == null) {
      return Optional.empty();
    }
    Telephone telephone = new Telephone(number);
    telephone.getTypes().add(TelephoneType.VOICE);
    telephone.setPref(pref);
    return Optional.of(telephone);
  }

  /** The attributes a card gives, each with the property it came from. */
  static ImportedRecord toRecord(VCard card, int number, long line) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> sources = new HashMap<>();
    StructuredName name = card.getStructuredName();
    if (name != null && (name.getGiven() != null || name.getFamily() != null)) {
      put(attributes, sources, ContactAttributes.FIRST_NAME, name.getGiven(), "N");
      put(attributes, sources, ContactAttributes.LAST_NAME, name.getFamily(), "N");
    } else if (card.getFormattedName() != null && card.getFormattedName().getValue() != null) {
      String full = card.getFormattedName().getValue().strip();
      int space = full.lastIndexOf(' ');
      put(
          attributes,
          sources,
          ContactAttributes.FIRST_NAME,
          space < 0 ? null : full.substring(0, space),
          "FN");
      put(attributes, sources, ContactAttributes.LAST_NAME, full.substring(space + 1), "FN");
    }
    Organization organization = card.getOrganization();
    if (organization != null && !organization.getValues().isEmpty()) {
      put(
          attributes,
          sources,
          ContactAttributes.COMPANY_NAME,
          organization.getValues().get(0),
          "ORG");
    }
    preferred(card.getAddresses())
        .findFirst()
        .ifPresent(
            address -> {
              put(attributes, sources, "address", address.getStreetAddressFull(), "ADR");
              put(attributes, sources, ContactAttributes.CITY, address.getLocality(), "ADR");
              put(attributes, sources, "county", address.getParameter(COUNTY), "ADR");
              put(attributes, sources, "state", address.getRegion(), "ADR");
              put(attributes, sources, "zip", address.getPostalCode(), "ADR");
            });
    List<String> phones =
        preferred(card.getTelephoneNumbers())
            .map(VCardMapping::number)
            .filter(n -> n != null)
            .limit(2)
            .toList();
    for (int i = 0; i < phones.size(); i++) {
      put(attributes, sources, "phone" + (i + 1), phones.get(i), "TEL");
    }
    preferred(card.getEmails())
        .map(Email::getValue)
        .filter(value -> value != null)
        .findFirst()
        .ifPresent(email -> put(attributes, sources, ContactAttributes.EMAIL, email, "EMAIL"));
    card.getUrls().stream()
        .map(url -> url.getValue())
        .filter(value -> value != null)
        .findFirst()
        .ifPresent(url -> put(attributes, sources, ContactAttributes.WEBSITE, url, "URL"));
    String id =
        card.getUid() == null
            ? null
            : ContactId.parse(card.getUid().getValue()).map(ContactId::text).orElse(null);
    return new ImportedRecord(number, line, id, attributes, sources, List.of());
  }

  /** The properties, the preferred first (PREF=1 before PREF=2, TYPE=pref before none). */
  private static <P extends VCardProperty> Stream<P> preferred(List<P> properties) {
    List<P> ordered = new ArrayList<>(properties);
    ordered.sort(Comparator.comparingInt(VCardMapping::rank));
    return ordered.stream();
  }

  private static int rank(VCardProperty property) {
    try {
      Integer pref = property.getParameters().getPref();
      if (pref != null) {
        return pref;
      }
    } catch (IllegalStateException e) {
      // A PREF that is no number: the property counts as not preferred.
    }
    boolean typedPref =
        property.getParameters().getTypes().stream()
            .anyMatch(type -> type.equalsIgnoreCase("pref"));
    return typedPref ? 1 : 101;
  }

  private static String number(Telephone telephone) {
    if (telephone.getText() != null) {
      return telephone.getText();
    }
    if (telephone.getUri() == null) {
      return null;
    }
    String extension = telephone.getUri().getExtension();
    return telephone.getUri().getNumber() + (extension == null ? "" : " x" + extension);
  }

  private static void put(
      Map<String, String> attributes,
      Map<String, String> sources,
      String attribute,
      String value,
      String property) {
    if (value != null && !value.isEmpty()) {
      attributes.put(attribute, value);
      sources.put(attribute, property);
    }
  }
}
