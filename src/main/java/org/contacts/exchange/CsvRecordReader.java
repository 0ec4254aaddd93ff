package org.contacts.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.contacts.model.ContactId;
import org.contacts.model.Violation;

/**
 * Reads contacts from CSV (RFC 4180, UTF-8) with a header row: fields quoted or not, lines ending
 * in CRLF, LF or a bare CR, blank lines skipped. A column whose header names no attribute is
 * ignored; an empty cell leaves its attribute out; a value is kept as the file wrote it.
 */
public final class CsvRecordReader implements RecordReader {

  private final CheckedText text;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> headers = new ArrayList<>();
  private final List<String> columns = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();
  private int number;

  public CsvRecordReader(InputStream bytes) {
    text = new CheckedText(bytes);
    try {
      parser = CSVParser.builder().setReader(text).setFormat(CSVFormat.DEFAULT).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    records = parser.iterator();
    readHeader();
  }

  private void readHeader() {
    Optional<CSVRecord> header = nextRow();
    if (header.isEmpty()) {
      return;
    }
    Map<String, String> headerOf = new HashMap<>();
    for (String name : header.get()) {
      String attribute = CsvColumns.attributeOf(name).orElse(null);
      if (attribute == null) {
        ignored.add(name);
      } else if (headerOf.containsKey(attribute)) {
        throw new MalformedFileException(
            1,
            "The columns \""
                + headerOf.get(attribute)
                + "\" and \""
                + name
                + "\" both hold "
                + attribute
                + ".");
      } else {
        headerOf.put(attribute, name);
      }
      headers.add(name);
      columns.add(attribute);
    }
    if (headerOf.isEmpty()) {
      throw new MalformedFileException(
          1, "The first line names no contact attribute; a CSV file starts with a header row.");
    }
  }

  @Override
  public Optional<ImportedRecord> next() {
    long line = parser.getCurrentLineNumber() + 1;
    return nextRow().map(row -> toRecord(row, line));
  }

  private ImportedRecord toRecord(CSVRecord row, long line) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> sources = new HashMap<>();
    List<Violation> problems = new ArrayList<>();
    String id = null;
    for (int i = 0; i < row.size(); i++) {
      String cell = CsvCells.restored(row.get(i));
      if (i >= columns.size()) {
        if (!cell.isEmpty()) {
          problems.add(
              new Violation(
                  null,
                  "Too many cells",
                  "The record has "
                      + row.size()
                      + " cells; the header row names "
                      + columns.size()
                      + " columns."));
          break;
        }
        continue;
      }
      String attribute = columns.get(i);
      if (attribute == null || cell.isEmpty()) {
        continue;
      }
      if (attribute.equals(CsvColumns.ID)) {
        id = ContactId.parse(cell).map(ContactId::text).orElse(null);
      } else {
        attributes.put(attribute, cell);
        sources.put(attribute, headers.get(i));
      }
    }
    return new ImportedRecord(++number, line, id, attributes, sources, problems);
  }

  private Optional<CSVRecord> nextRow() {
    text.startRecord();
    long line = parser.getCurrentLineNumber() + 1;
    try {
      return records.hasNext() ? Optional.of(records.next()) : Optional.empty();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new MalformedFileException(
          line, "The record that begins on line " + line + " is not CSV: " + messageOf(e));
    }
  }

  private static String messageOf(RuntimeException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
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
