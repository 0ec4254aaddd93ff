package org.contacts.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Two vCards in the shape a phone exports them (exchange/phone-cards.vcf): version 3.0, CRLF,
 * folded lines, a photo, grouped and unknown properties, several numbers, one preferred.
 */
public final class PhoneCards {

  private PhoneCards() {}

  /** The file with both cards' ORG (and part of the first's email address) set to org. */
  public static String file(String org) {
    try (InputStream in = PhoneCards.class.getResourceAsStream("/exchange/phone-cards.vcf")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("{org}", org).replace("\n", "\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
