package org.contacts.exchange;

import ezvcard.VCardVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;

/** The file formats contacts go in and out as. */
public enum ExchangeFormat {
  VCARD_4("vcf"),
  VCARD_3("vcf"),
  CSV("csv");

  private final String extension;

  ExchangeFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * A writer of contacts to out.
   *
   * @param attributes the attributes a CSV file has columns for, in order; vCards hold all
   */
  public ContactWriter writer(Writer out, List<String> attributes) throws IOException {
    return switch (this) {
      case VCARD_4 -> new VCardContactWriter(out, VCardVersion.V4_0);
      case VCARD_3 -> new VCardContactWriter(out, VCardVersion.V3_0);
      case CSV -> new CsvContactWriter(out, attributes);
    };
  }

  /** A reader of the contacts of a file in this format (either vCard version reads any). */
  public RecordReader reader(InputStream in) {
    return this == CSV ? new CsvRecordReader(in) : new VCardRecordReader(in);
  }
}
