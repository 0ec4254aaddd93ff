package org.contacts.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.ObjLongConsumer;

/**
 * The text of an imported file as the parsers read it: strict UTF-8 (a byte-order mark is skipped),
 * no control characters but tab and line breaks, and no record longer than {@link
 * #MAX_RECORD_CHARS}, so that binary data or a line of megabytes ends the reading with the line it
 * is on rather than filling the memory. Lines end with CRLF, LF or a bare CR, and are counted.
 */
public final class CheckedText extends Reader {

  /** The most characters one record (a CSV row, a vCard with its photo) may take. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private static final int LINE_START_CHARS = 16;

  /**
   * What the decoder puts where the bytes are not UTF-8, so that the line can be named; a file that
   * holds the character itself is refused too, as it marks an earlier failed conversion.
   */
  private static final char REPLACEMENT = '\uFFFD';

  private final Reader decoded;
  private final ObjLongConsumer<String> lineStarts;
  private final StringBuilder lineStart = new StringBuilder(LINE_START_CHARS);
  private long line = 1;
  private long recordChars;
  private boolean afterCr;
  private boolean first = true;
  private boolean lineStartTold;

  /**
   * @param lineStarts told the first characters of each line and its number, for formats that find
   *     their records by how lines begin
   */
  public CheckedText(InputStream bytes, ObjLongConsumer<String> lineStarts) {
    this.decoded =
        new InputStreamReader(
            bytes,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    this.lineStarts = lineStarts;
  }

  public CheckedText(InputStream bytes) {
    this(bytes, (start, line) -> {});
  }

  /** The line of the character read last. */
  public long line() {
    return line;
  }

  /** A new record begins: its length is counted from here. */
  public void startRecord() {
    recordChars = 0;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int count = decoded.read(buffer, offset, length);
    if (count <= 0) {
      tellLineStart();
      return count;
    }
    int kept = offset;
    for (int i = offset; i < offset + count; i++) {
      char c = buffer[i];
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      check(c);
      buffer[kept++] = c;
    }
    return kept == offset ? read(buffer, offset, length) : kept - offset;
  }

  private void check(char c) {
    if (c == '\n' && afterCr) {
      afterCr = false; // the LF of a CRLF: the line was counted at the CR
      return;
    }
    afterCr = c == '\r';
    if (c == '\n' || c == '\r') {
      tellLineStart();
      line++;
      lineStart.setLength(0);
      lineStartTold = false;
    } else {
      if (c == REPLACEMENT) {
        throw new MalformedFileException(line, "Line " + line + " is not UTF-8 text.");
      }
      if (c < ' ' && c != '\t' || c == '\u007F') {
        throw new MalformedFileException(
            line,
            "Line "
                + line
                + " holds the control character U+"
                + String.format("%04X", (int) c)
                + ": the body is not text.");
      }
      if (!lineStartTold && lineStart.length() < LINE_START_CHARS) {
        lineStart.append(c);
      }
    }
    if (++recordChars > MAX_RECORD_CHARS) {
      throw new MalformedFileException(
          line,
          "The record that reaches line "
              + line
              + " is longer than the "
              + MAX_RECORD_CHARS
              + " characters one contact may take.");
    }
  }

  private void tellLineStart() {
    if (!lineStartTold && lineStart.length() > 0) {
      lineStartTold = true;
      lineStarts.accept(lineStart.toString(), line);
    }
  }

  /** Closes the body underneath; a failure to close what was only read is of no consequence. */
  @Override
  public void close() {
    try {
      decoded.close();
    } catch (IOException e) {
      // Nothing was written through it.
    }
  }
}
