package org.contacts.model;

import java.util.List;

/**
 * A position in a sorted list of contacts: the values of the sort keys of one contact, then its id.
 * The values are null where that contact has no value for the attribute.
 */
public record Cursor(List<String> values, String id) {}
