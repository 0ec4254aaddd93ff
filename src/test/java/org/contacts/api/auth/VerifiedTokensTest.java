package org.contacts.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final long NOW = 1_800_000_000_000L;
  private static final long IN_AN_HOUR = NOW / 1_000 + 3_600;
  private static final VerifiedTokens.Verified ANN =
      new VerifiedTokens.Verified("ann", Set.of("contacts:read"));

  private final AtomicLong clock = new AtomicLong(NOW);
  private final VerifiedTokens tokens = new VerifiedTokens(clock::get);

  @Test
  void aVerifiedTokenIsFoundAgainWithWhatItGranted() {
    tokens.remember("aaa.bbb.ccc", ANN, IN_AN_HOUR);
    assertEquals(Optional.of(ANN), tokens.find("aaa.bbb.ccc"), "the same token, the same grant");
  }

  @Test
  void noOtherTokenMatchesHoweverAlike() {
    tokens.remember("aaa.bbb.ccc", ANN, IN_AN_HOUR);
    assertEquals(Optional.empty(), tokens.find("aaa.bbb.ccd"), "one character apart");
    assertEquals(Optional.empty(), tokens.find("aaa.bbb.cc"), "a prefix");
  }

  @Test
  void aTokenIsNotFoundOnceItExpires() {
    tokens.remember("aaa.bbb.ccc", ANN, NOW / 1_000 + 30);
    clock.set(NOW + 29_999);
    assertTrue(tokens.find("aaa.bbb.ccc").isPresent(), "still valid a moment before exp");
    clock.set(NOW + 30_000);
    assertEquals(Optional.empty(), tokens.find("aaa.bbb.ccc"), "gone at exp");
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheCachesLifetime() {
    tokens.remember("aaa.bbb.ccc", ANN, IN_AN_HOUR);
    clock.set(NOW + VerifiedTokens.LIFETIME_MILLIS);
    assertEquals(Optional.empty(), tokens.find("aaa.bbb.ccc"), "verified again after the lifetime");
  }

  @Test
  void aTokenThatHasAlreadyExpiredIsNotRemembered() {
    tokens.remember("aaa.bbb.ccc", ANN, NOW / 1_000);
    assertEquals(Optional.empty(), tokens.find("aaa.bbb.ccc"), "nothing to find");
  }

  @Test
  void aFullCacheStartsAgainRatherThanGrow() {
    for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
      tokens.remember("token-" + i, ANN, IN_AN_HOUR);
    }
    tokens.remember("one-more", ANN, IN_AN_HOUR);
    assertEquals(Optional.empty(), tokens.find("token-0"), "the old entries went");
    assertEquals(Optional.of(ANN), tokens.find("one-more"), "the new one is kept");
  }
}
