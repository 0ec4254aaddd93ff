package org.contacts.exchange;

import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import java.io.IOException;
import java.io.Writer;
import org.contacts.model.Contact;

/** Writes contacts as vCards of one version, one after the other, with lines folded at 75. */
final class VCardContactWriter implements ContactWriter {

  private final VCardWriter writer;

  VCardContactWriter(Writer out, VCardVersion version) {
    writer = new VCardWriter(out, version);
    writer.setAddProdId(false);
    // N and ADR with all their components (N:Lee;Ann;;;), which stricter readers expect.
    writer.setIncludeTrailingSemicolons(true);
  }

  @Override
  public void write(Contact contact) throws IOException {
    writer.write(VCardMapping.toVCard(contact));
  }

  @Override
  public void close() throws IOException {
    writer.flush();
  }
}
