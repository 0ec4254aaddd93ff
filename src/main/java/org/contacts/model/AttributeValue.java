package org.contacts.model;

/**
 * An attribute's value as a client sent it, before validation: some text, a request to remove the
 * attribute (JSON null), or something that is no text at all (a number, boolean, object or array).
 */
public sealed interface AttributeValue {

  AttributeValue REMOVAL = new Removal();
  AttributeValue NOT_TEXT = new NotText();

  static AttributeValue text(String text) {
    return new Text(text);
  }

  record Text(String text) implements AttributeValue {}

  record Removal() implements AttributeValue {}

  record NotText() implements AttributeValue {}
}
