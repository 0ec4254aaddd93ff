package org.contacts.priming;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What tells the service's own priming requests from a caller's. It is a random value made when the
 * process starts, which never leaves the process but in the priming requests on loopback, and which
 * counts only from a loopback address and only until priming ends. A caller who guessed it would
 * gain nothing but the absence of its request line and metrics: the marker skips no check.
 */
@ApplicationScoped
public class PrimingMarker {

  /** The header that carries the value. */
  public static final String HEADER = "X-Contacts-Priming";

  private volatile byte[] value = newValue();

  /** The value for a priming request, or null once priming has ended. */
  String value() {
    byte[] current = value;
    return current == null ? null : new String(current, StandardCharsets.US_ASCII);
  }

  /** Whether a request that sent this header value from this address is the service's own. */
  public boolean marks(String headerValue, String remoteAddress) {
    byte[] current = value;
    return current != null
        && headerValue != null
        && isLoopback(remoteAddress)
        && MessageDigest.isEqual(current, headerValue.getBytes(StandardCharsets.US_ASCII));
  }

  /** Ends the marker's use: from now on no request is taken for a priming request. */
  void retire() {
    value = null;
  }

  /** Only an address literal is looked at: a name is never resolved. */
  static boolean isLoopback(String address) {
    return address != null
        && (address.startsWith("127.")
            || address.equals("::1")
            || address.equals("0:0:0:0:0:0:0:1")
            || address.equals("[::1]"));
  }

  private static byte[] newValue() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
  }
}
