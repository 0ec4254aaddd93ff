package org.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactQueriesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "a.b",
        "a+b",
        "(",
        "[x]",
        "c++",
        "50%?",
        "^$",
        "a|b",
        "back\\slash",
        "{2}",
        "*star"
      })
  void searchTextIsMatchedLiterallyAsAPrefix(String text) {
    Pattern prefix = Pattern.compile("^" + ContactQueries.escapeRegex(text));

    assertTrue(prefix.matcher(text + " and more").find(), () -> "matches itself: " + prefix);
    assertFalse(prefix.matcher("x" + text).find(), () -> "only as a prefix: " + prefix);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a.b", "a+b", "c*", "a?"})
  void regexSyntaxInSearchTextMatchesNothingElse(String text) {
    String lookalike = text.replace('.', 'x').replace("+", "").replace("*", "").replace("?", "");

    assertFalse(
        Pattern.compile("^" + ContactQueries.escapeRegex(text)).matcher(lookalike).find(),
        () -> text + " must not match " + lookalike);
  }
}
