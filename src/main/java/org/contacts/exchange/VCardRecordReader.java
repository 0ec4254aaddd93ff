package org.contacts.exchange;

import ezvcard.VCard;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.text.VCardReader;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads contacts from a file of vCards (2.1, 3.0 or 4.0, one or many, folded lines, any
 * properties). Each contact's line is that of its BEGIN:VCARD, found as the text goes by, since the
 * parser does not tell it.
 */
public final class VCardRecordReader implements RecordReader {

  private static final Set<String> KEPT =
      Set.of("VERSION", "UID", "N", "FN", "ORG", "ADR", "TEL", "EMAIL", "URL", "PRODID");
  private static final int MAX_IGNORED_NAMES = 50;
  private static final ScribeIndex SCRIBES = new ScribeIndex();

  private final CheckedText text;
  private final VCardReader reader;
  private final Deque<Long> beginLines = new ArrayDeque<>();
  private final Set<String> ignored = new LinkedHashSet<>();
  private int depth;
  private int number;

  public VCardRecordReader(InputStream bytes) {
    text = new CheckedText(bytes, this::lineStarts);
    reader = new VCardReader(text);
  }

  private void lineStarts(String start, long line) {
    String upper = start.toUpperCase(Locale.ROOT);
    if (upper.startsWith("BEGIN:VCARD")) {
      if (depth++ == 0) {
        beginLines.add(line);
      }
    } else if (upper.startsWith("END:VCARD") && depth > 0) {
      depth--;
    }
  }

  @Override
  public Optional<ImportedRecord> next() {
    text.startRecord();
    VCard card;
    try {
      card = reader.readNext();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (card == null) {
      if (number == 0) {
        throw new MalformedFileException(
            text.line(),
            "The body holds no vCard: each begins with BEGIN:VCARD and ends with END:VCARD.");
      }
      return Optional.empty();
    }
    noteIgnored(card);
    Long line = beginLines.poll();
    return Optional.of(VCardMapping.toRecord(card, ++number, line == null ? text.line() : line));
  }

  private void noteIgnored(VCard card) {
    for (VCardProperty property : card.getProperties()) {
      String name =
          property instanceof RawProperty raw
              ? raw.getPropertyName()
              : SCRIBES.getPropertyScribe(property).getPropertyName();
      name = name.toUpperCase(Locale.ROOT);
      if (!KEPT.contains(name) && ignored.size() < MAX_IGNORED_NAMES) {
        ignored.add(name);
      }
    }
  }

  @Override
  public List<String> ignored() {
    return List.copyOf(ignored);
  }

  @Override
  public void close() {
    text.close();
  }
}
