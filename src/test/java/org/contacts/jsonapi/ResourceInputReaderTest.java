package org.contacts.jsonapi;

import static org.contacts.JsonText.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceInputReaderTest {

  private static final long LIMIT = 1024;

  private static ResourceInput read(String singleQuoted) {
    return read(json(singleQuoted).getBytes(StandardCharsets.UTF_8));
  }

  private static ResourceInput read(byte[] body) {
    return new ResourceInputReader(LIMIT, "Contacts").read(new ByteArrayInputStream(body));
  }

  private static ErrorObject refusal(byte[] body) {
    ApiException refused = assertThrows(ApiException.class, () -> read(body), "body is refused");
    assertEquals(1, refused.errors().size(), "one error: " + refused.errors());
    return refused.errors().get(0);
  }

  /** Reads a body that must be refused as malformed, and returns where the error points. */
  private static String malformedAt(String singleQuoted) {
    ErrorObject error = refusal(json(singleQuoted).getBytes(StandardCharsets.UTF_8));
    assertEquals(400, error.status(), () -> "a malformed body is a 400: " + error);
    return error.pointer();
  }

  @Test
  void jsonApiDocumentGivesTypeIdAndAttributesUnderDataAttributes() {
    ResourceInput input =
        read(
            "{'data': {'type': 'contacts', 'id': 'abc', 'attributes': {'firstName': 'Ann', 'city':"
                + " null}}}");

    assertEquals("contacts", input.type(), "data.type");
    assertEquals("abc", input.id(), "data.id");
    assertEquals(
        Json.createValue("Ann"), input.attributes().get("firstName"), "attributes as sent");
    assertEquals(
        JsonValue.NULL, input.attributes().get("city"), "a null attribute is kept, to clear it");
    assertEquals(
        "/data/attributes/firstName",
        input.pointerTo("firstName"),
        "errors point into data.attributes");
  }

  @Test
  void documentWithoutAttributesHasNone() {
    ResourceInput input =
        read("{'data': {'type': 'contacts', 'meta': {}, 'links': {}, 'lid': 'x'}}");

    assertTrue(input.attributes().isEmpty(), "no attributes: " + input);
    assertNull(input.id(), "no id");
  }

  @Test
  void bareObjectIsTheAttributesEveryMemberOfIt() {
    ResourceInput input = read("{'_id': '65a1b2c3d4e5f60718293a4b', 'firstName': 'Ann'}");

    assertNull(input.type(), "a bare object has no type");
    assertNull(input.id(), "nor an id: what its members mean is the caller's business");
    assertEquals(
        List.of("_id", "firstName"),
        List.copyOf(input.attributes().keySet()),
        "every member, in order");
    assertEquals(
        "/firstName", input.pointerTo("firstName"), "errors point at the top-level member");
  }

  @Test
  void relationshipsAreRefusedNamingTheResources() {
    assertEquals(
        "Contacts have no relationships.",
        refusal(
                json("{'data': {'type': 'contacts', 'relationships': {}}}")
                    .getBytes(StandardCharsets.UTF_8))
            .detail(),
        "the detail names what the caller reads");
  }

  @Test
  void pointersEscapeSlashAndTilde() {
    assertEquals(
        "/data/attributes/a~1b~0c",
        read("{'data': {'type': 'contacts'}}").pointerTo("a/b~c"),
        "RFC 6901");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'data': {'type': 'contacts'}, 'errors': []}                 | /errors",
        "{'data': null}                                               | /data",
        "{'data': []}                                                 | /data",
        "{'data': 'contacts'}                                         | /data",
        "{'data': {'id': 'abc'}}                                      | /data/type",
        "{'data': {'type': 7}}                                        | /data/type",
        "{'data': {'type': 'contacts', 'id': 12}}                     | /data/id",
        "{'data': {'type': 'contacts', 'firstName': 'Ann'}}           | /data/firstName",
        "{'data': {'type': 'contacts', 'relationships': {}}}          | /data/relationships",
        "{'data': {'type': 'contacts', 'attributes': []}}             | /data/attributes",
        "{'data': {'type': 'contacts', 'attributes': 'Ann'}}          | /data/attributes"
      })
  void malformedDocumentIsA400PointingAtTheMemberAtFault(String body, String pointer) {
    assertEquals(pointer, malformedAt(body), "source.pointer");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "   \n\t ",
        "{'firstName': ",
        "{'firstName' 'Ann'}",
        "nul",
        "[]",
        "'Ann'",
        "42",
        "null"
      })
  void bodyThatIsNotAJsonObjectIsA400ForTheWholeBody(String body) {
    assertNull(malformedAt(body), "the error is about the body as a whole, so it has no pointer");
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    ErrorObject error = refusal(body);

    assertEquals(400, error.status(), "not UTF-8: " + error);
    assertTrue(error.detail().contains("UTF-8"), () -> "the detail says why: " + error.detail());
  }

  @Test
  void bodyOfExactlyTheLimitIsRead() {
    String padding = "x".repeat((int) LIMIT - json("{'city': ''}").length());
    byte[] body = json("{'city': '" + padding + "'}").getBytes(StandardCharsets.UTF_8);

    assertEquals(LIMIT, body.length, "test body is at the limit");
    assertEquals(Json.createValue(padding), read(body).attributes().get("city"), "read in full");
  }

  @Test
  void bodyOverTheLimitIs413WithoutReadingItAll() {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[10 * (int) LIMIT]);

    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> new ResourceInputReader(LIMIT, "Contacts").read(body),
            "too large");

    assertEquals(413, refused.status(), "413 Content Too Large");
    assertTrue(
        body.available() > 0,
        "the reader stopped soon after the limit instead of buffering everything");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unclosed", "balanced", "in attributes"})
  void deeplyNestedBodyIsA400NotAStackOverflow(String shape) {
    int depth = 50_000;
    String body =
        switch (shape) {
          case "unclosed" -> "[".repeat(depth);
          case "balanced" -> "[".repeat(depth) + "]".repeat(depth);
          default -> "{\"firstName\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        };

    ApiException refused =
        assertThrows(
            ApiException.class,
            () ->
                new ResourceInputReader(1_000_000, "Contacts")
                    .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
            "refused as a client error, not a StackOverflowError");

    assertEquals(400, refused.status(), "400: " + refused.errors());
  }

  @Test
  void bodyThatCannotBeReadIsA400() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> new ResourceInputReader(LIMIT, "Contacts").read(broken),
            "refused");

    assertEquals(400, refused.status(), "a body that breaks off is the client's problem");
  }
}
