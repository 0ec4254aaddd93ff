package org.contacts.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contacts.model.AttributeChanges;
import org.contacts.model.AttributeValue;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactValidator;
import org.junit.jupiter.api.Test;

class ContactGeneratorTest {

  private static final int COUNT = 300;

  @Test
  void sameSeedGivesTheSameContacts() {
    assertEquals(
        new ContactGenerator(42).generate(COUNT),
        new ContactGenerator(42).generate(COUNT),
        "a seed repeats its contacts exactly");
  }

  @Test
  void anotherSeedGivesOtherContacts() {
    assertNotEquals(
        new ContactGenerator(42).generate(5), new ContactGenerator(43).generate(5), "seeds differ");
  }

  @Test
  void everyContactHasEveryAttributeFilled() {
    for (Map<String, String> contact :
        new ContactGenerator(ContactGenerator.DEFAULT_SEED).generate(COUNT)) {
      assertEquals(
          ContactAttributes.NAMES, List.copyOf(contact.keySet()), "all 12 attributes: " + contact);
      contact.forEach(
          (name, value) -> assertFalse(value.isBlank(), () -> name + " is filled: " + contact));
    }
  }

  @Test
  void everyContactPassesValidationIncludingEmailAndWebsite() {
    for (Map<String, String> contact :
        new ContactGenerator(ContactGenerator.DEFAULT_SEED).generate(COUNT)) {
      Map<String, AttributeValue> sent = new LinkedHashMap<>();
      contact.forEach((name, value) -> sent.put(name, AttributeValue.text(value)));

      assertEquals(
          List.of(),
          ContactValidator.validate(new AttributeChanges(sent), true),
          "a client could create it: " + contact);
    }
  }
}
