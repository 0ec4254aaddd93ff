package org.contacts.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.contacts.model.Contact;

/**
 * Writes contacts as CSV (RFC 4180: CRLF, quotes where needed) with a header row of {@code id} and
 * the attribute names, every cell neutralised against CSV injection ({@link CsvCells}).
 */
public final class CsvContactWriter implements ContactWriter {

  private final CSVPrinter printer;
  private final List<String> attributes;

  /**
   * @param attributes the attribute columns after the id, in order
   */
  public CsvContactWriter(Writer out, List<String> attributes) throws IOException {
    this.attributes = List.copyOf(attributes);
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    List<String> header = new ArrayList<>(attributes.size() + 1);
    header.add(CsvColumns.ID);
    header.addAll(attributes);
    printer.printRecord(header);
  }

  @Override
  public void write(Contact contact) throws IOException {
    List<String> cells = new ArrayList<>(attributes.size() + 1);
    cells.add(contact.id().text());
    for (String attribute : attributes) {
      String value = contact.attribute(attribute);
      cells.add(value == null ? "" : CsvCells.neutralised(value));
    }
    printer.printRecord(cells);
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
