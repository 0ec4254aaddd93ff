package org.contacts.model;

import java.util.List;

/**
 * One page of contacts and, when it could be counted in time, how many contacts match in all.
 * {@code exactTotal} says whether the total is an exact count or the collection's own estimate.
 */
public record ContactPage(
    List<Contact> contacts, Long total, boolean exactTotal, boolean hasMore) {}
