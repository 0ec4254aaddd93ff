package org.contacts.model;

/** One problem with a contact's attributes; {@code attribute} names the member at fault. */
public record Violation(String attribute, String title, String detail) {}
