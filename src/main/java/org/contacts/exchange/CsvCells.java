package org.contacts.exchange;

import java.util.regex.Pattern;

/**
 * Keeps a spreadsheet from running a cell as a formula (CSV injection, as OWASP describes it): a
 * value that begins with {@code = + - @}, a tab or a carriage return is written with an apostrophe
 * before it. To keep the round trip lossless, a value that already begins with apostrophes before
 * one of those characters gets one more, and an import takes exactly one away from a cell that
 * begins with apostrophes before one of them.
 */
public final class CsvCells {

  private static final Pattern GUARDED = Pattern.compile("^'*[=+\\-@\\t\\r]", Pattern.DOTALL);
  private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@\\t\\r]", Pattern.DOTALL);

  private CsvCells() {}

  /** The cell a value is written as. */
  public static String neutralised(String value) {
    return GUARDED.matcher(value).lookingAt() ? "'" + value : value;
  }

  /** The value a cell holds. */
  public static String restored(String cell) {
    return NEUTRALISED.matcher(cell).lookingAt() ? cell.substring(1) : cell;
  }
}
