package org.contacts.api.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.model.FeedCursor;

/**
 * Change feed cursors as clients see them: base64url JSON naming the datastore position and, during
 * the full read, the last id read; then a dot and a base64url HMAC-SHA256 of that text, so that a
 * cursor the service never issued is told from one it did (which may still have expired).
 */
public final class FeedCursors {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public FeedCursors(String key) {
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String encode(FeedCursor cursor) {
    JsonObjectBuilder json = JsonBuilders.object().add("p", cursor.changesFrom());
    if (cursor instanceof FeedCursor.FullRead fullRead) {
      json.add("f", true);
      if (fullRead.afterId() != null) {
        json.add("a", fullRead.afterId());
      }
    }
    String payload =
        ENCODER.encodeToString(json.build().toString().getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(mac(payload));
  }

  /**
   * @throws IllegalArgumentException when the text is not a cursor this service signed
   */
  public FeedCursor decode(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("no signature");
    }
    String payload = text.substring(0, dot);
    byte[] signature;
    try {
      signature = DECODER.decode(text.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64url", e);
    }
    if (!MessageDigest.isEqual(signature, mac(payload))) {
      throw new IllegalArgumentException("not signed by this service");
    }
    try (JsonReader reader =
        JsonBuilders.reader(
            new StringReader(new String(DECODER.decode(payload), StandardCharsets.UTF_8)))) {
      JsonObject json = reader.readObject();
      String position = json.getString("p");
      return json.getBoolean("f", false)
          ? new FeedCursor.FullRead(position, json.getString("a", null))
          : new FeedCursor.Changes(position);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a cursor", e);
    }
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
