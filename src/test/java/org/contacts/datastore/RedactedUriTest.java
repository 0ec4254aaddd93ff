package org.contacts.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedUriTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mongodb://ann:s3cret@db.example.com:27017/contacts |"
            + " mongodb://ann:****@db.example.com:27017/contacts",
        "mongodb://ann:s3cret@db.example.com               | mongodb://ann:****@db.example.com",
        "mongodb+srv://ann:s3cret@cluster0.example.net/    |"
            + " mongodb+srv://ann:****@cluster0.example.net/",
        "mongodb://ann:p@ss@word@h1:27017,h2:27018/c        |"
            + " mongodb://ann:****@h1:27017,h2:27018/c",
        "mongodb://ann:pa:ss:w@db.example.com/c            | mongodb://ann:****@db.example.com/c",
        "mongodb://ann:p%40ss%3Aw%2F@db.example.com/c      | mongodb://ann:****@db.example.com/c",
        "mongodb://:s3cret@db.example.com/c                | mongodb://:****@db.example.com/c",
        "mongodb://ann:s3cret@db.example.com/c?tls=true    | mongodb://ann:****@db.example.com/c?…",
        "mongodb://ann:s3?cret@db.example.com/c?w=1        | mongodb://ann:****@db.example.com/c?…",
        "mongodb://db.example.com:27017/contacts           |"
            + " mongodb://db.example.com:27017/contacts",
        "mongodb://ann@db.example.com/c?authMechanism=GSSAPI | mongodb://ann@db.example.com/c?…",
        "mongodb://h1:1,h2:2/c?tlsCertificateKeyFilePassword=s3cret | mongodb://h1:1,h2:2/c?…",
        "mongodb://127.0.0.1:27017                         | mongodb://127.0.0.1:27017"
      })
  void passwordIsReplacedAndOptionsDroppedButTheDatastoreStaysRecognisable(
      String uri, String expected) {
    String redacted = RedactedUri.of(uri);

    assertEquals(expected, redacted, "redacted form");
    assertFalse(
        redacted.contains("s3cret") || redacted.contains("word") || redacted.contains("%40"),
        () -> "no part of the password survives: " + redacted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mongodb://ann:p%40ss%3Aw%2Fd@db.example.com/c                    | p%40ss%3Aw%2Fd |"
            + " p@ss:w/d",
        "mongodb://ann:s3cret@db.example.com:27017/c?authSource=admin     | s3cret         |"
            + " s3cret",
        "mongodb+srv://ann:s3cret@cluster0.example.net/c?retryWrites=true | s3cret         | s3cret"
      })
  void passwordsTheDriverAcceptsNeverSurvive(String uri, String written, String password) {
    // Only a URI the driver accepts is ever logged; the driver decodes the password so.
    assertEquals(
        password, new String(new ConnectionString(uri).getPassword()), "the driver's reading");

    String redacted = RedactedUri.of(uri);
    assertFalse(
        redacted.contains(written) || redacted.contains(password), () -> "redacted: " + redacted);
  }

  @Test
  void noUriStaysNoUri() {
    assertNull(RedactedUri.of(null), "nothing configured");
  }
}
