package org.contacts.controller;

import java.util.List;
import org.contacts.model.ContactId;

/**
 * What an import did: how many contacts the file held, the ids of those stored, each refusal with
 * the record's position, the things in the file that contacts do not keep, and, when the datastore
 * failed part way, where the import stopped.
 */
public record ImportReport(
    int received,
    List<ContactId> created,
    int refusedRecords,
    List<Refusal> refusals,
    List<String> ignored,
    Stop stop) {

  public ImportReport {
    created = List.copyOf(created);
    refusals = List.copyOf(refusals);
    ignored = List.copyOf(ignored);
  }

  public enum Reason {
    /** The record broke the rules a single create has. */
    INVALID,
    /** A stored contact, or an earlier record of the file, has its email address. */
    EMAIL_IN_USE,
    /** A stored contact has the id the record gives. */
    ID_TAKEN
  }

  /**
   * One problem of a refused record (a record may have several): its number in the file and line,
   * the attribute at fault (null when the record as a whole is) and the name the file gave it.
   */
  public record Refusal(
      int record,
      long line,
      Reason reason,
      String attribute,
      String source,
      String title,
      String detail) {}

  /**
   * The datastore failed while storing records {@code from} to {@code to}: some of those may be
   * stored, none after them is, and the file was read no further.
   */
  public record Stop(int from, int to, RuntimeException cause) {}
}
