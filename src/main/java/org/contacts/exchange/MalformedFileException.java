package org.contacts.exchange;

/** A file that cannot be read as the format it claims to be, at a line (counted from 1). */
public final class MalformedFileException extends RuntimeException {

  private final long line;

  public MalformedFileException(long line, String detail) {
    super(detail, null, false, false);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
