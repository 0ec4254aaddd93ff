package org.contacts.controller;

/**
 * A file was refused whole before anything of it was stored: it cannot be read as its format (at a
 * line), it holds more contacts than one import may, or none at all.
 */
public final class ImportRefusedException extends ContactException {

  public enum Reason {
    MALFORMED,
    TOO_MANY_RECORDS,
    EMPTY
  }

  private final Reason reason;
  private final long line;
  private final int maxRecords;

  private ImportRefusedException(Reason reason, String detail, long line, int maxRecords) {
    super(detail);
    this.reason = reason;
    this.line = line;
    this.maxRecords = maxRecords;
  }

  static ImportRefusedException malformed(long line, String detail) {
    return new ImportRefusedException(Reason.MALFORMED, detail, line, 0);
  }

  static ImportRefusedException tooManyRecords(int maxRecords) {
    return new ImportRefusedException(
        Reason.TOO_MANY_RECORDS,
        "The file holds more than the " + maxRecords + " contacts one import may hold.",
        0,
        maxRecords);
  }

  static ImportRefusedException empty() {
    return new ImportRefusedException(Reason.EMPTY, "The file holds no contacts.", 0, 0);
  }

  public Reason reason() {
    return reason;
  }

  /** The line at fault, for a malformed file. */
  public long line() {
    return line;
  }

  public int maxRecords() {
    return maxRecords;
  }
}
