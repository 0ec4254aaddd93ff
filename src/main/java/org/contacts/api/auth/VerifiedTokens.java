package org.contacts.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens that MicroProfile JWT has verified, remembered for a short while so that a client
 * sending the same token again is not verified again: a verification through Liberty costs more CPU
 * than the rest of a GET (BENCHMARKS.md).
 *
 * <p>A token is found again only by the SHA-256 of its whole text, so no other token, however
 * alike, ever matches, and no token is kept in the heap. An entry lasts until the token expires or
 * for {@link #LIFETIME_MILLIS}, whichever is sooner, which also bounds how long a token verified
 * against a key that has since been replaced stays accepted. The cache holds at most {@link
 * #CAPACITY} tokens; when it is full, it starts again empty.
 */
@ApplicationScoped
class VerifiedTokens {

  static final long LIFETIME_MILLIS = 60_000;
  static final int CAPACITY = 10_000;

  /** What a verified token granted: who it names and which scopes it carries. */
  record Verified(String subject, Set<String> scopes) {}

  private record Entry(Verified verified, long validUntilMillis) {}

  /**
   * A digest for each request thread: looking one up through the security providers took half the
   * time of hashing the token itself (the profile of jwt mode).
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(VerifiedTokens::sha256);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  /** One for the application, however many times JAX-RS makes its filters. */
  VerifiedTokens() {
    this(System::currentTimeMillis);
  }

  VerifiedTokens(LongSupplier clock) {
    this.clock = clock;
  }

  /** The token's grant, when it was verified recently and has not expired since. */
  Optional<Verified> find(String token) {
    String key = digest(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (clock.getAsLong() >= entry.validUntilMillis()) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.verified());
  }

  /** Remembers a token MicroProfile JWT has just verified; its exp claim is in epoch seconds. */
  void remember(String token, Verified verified, long expiresAtEpochSecond) {
    long now = clock.getAsLong();
    long validUntil = Math.min(expiresAtEpochSecond * 1_000, now + LIFETIME_MILLIS);
    if (validUntil <= now) {
      return;
    }
    if (entries.size() >= CAPACITY) {
      entries.clear();
    }
    entries.put(digest(token), new Entry(verified, validUntil));
  }

  private static String digest(String token) {
    byte[] hash = SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(hash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
