package org.contacts.controller;

/**
 * How an import treats its file: at most {@code maxRecords} contacts; with {@code
 * createDuplicates}, a record whose email address or id is in use is stored all the same, as a new
 * contact under a new id; {@code author} is who imports, recorded as each contact's creator (null
 * without tokens).
 */
public record ImportOptions(int maxRecords, boolean createDuplicates, String author) {}
