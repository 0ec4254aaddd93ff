package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.TestDatastore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile requests: each gets a JSON:API error with the right status, stores nothing,
 * and leaves the service serving.
 */
class HostileInputIT extends DeployedServiceBase {

  private long storedBefore;

  @BeforeEach
  void countStored() {
    storedBefore = TestDatastore.contacts().countDocuments();
  }

  @AfterEach
  void nothingStoredAndStillServing() {
    assertEquals(storedBefore, TestDatastore.contacts().countDocuments(), "nothing was stored");
    assertEquals(200, Api.get("/ping").status(), "the service still serves");
  }

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"firstName\": \"A\",", 400),
        Arguments.of("an empty body", "", 400),
        Arguments.of("whitespace", "   \n ", 400),
        Arguments.of("an array", "[{\"firstName\":\"A\",\"lastName\":\"B\"}]", 400),
        Arguments.of("a string", "\"firstName\"", 400),
        Arguments.of("a number", "42", 400),
        Arguments.of("deep nesting", "[".repeat(50_000) + "]".repeat(50_000), 400),
        Arguments.of(
            "a deep object", "{\"firstName\":".repeat(20_000) + "1" + "}".repeat(20_000), 400),
        Arguments.of(
            "non-string values",
            "{\"firstName\":1,\"lastName\":{\"$gt\":\"\"},\"city\":[\"a\"]}",
            422),
        Arguments.of(
            "operator names",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"$where\":\"sleep(1000)\"}",
            422),
        Arguments.of(
            "dotted names", "{\"firstName\":\"A\",\"lastName\":\"B\",\"address.city\":\"x\"}", 422),
        Arguments.of(
            "an overlong value",
            "{\"firstName\":\"" + "x".repeat(10_000) + "\",\"lastName\":\"B\"}",
            422),
        Arguments.of("a data array", "{\"data\":[{\"type\":\"contacts\"}]}", 400),
        Arguments.of(
            "a NUL in a name", "{\"firstName\":\"A\",\"lastName\":\"B\",\"\\u0000\":\"x\"}", 422));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void hostileBodyIsRefusedWithAJsonApiError(String what, String body, int status) {
    ApiResponse response = Api.send("POST", "/contacts", body, "Content-Type", "application/json");
    assertEquals(status, response.status(), () -> what + ": " + response);
    assertTrue(response.error().getString("detail").length() > 0, "with a detail that helps");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body =
        "{\"firstName\":\"A\u00ff\",\"lastName\":\"B\"}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ApiResponse response =
        Api.send(
            Api.request("/contacts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(400, response.status(), () -> "invalid UTF-8: " + response);
  }

  @Test
  void bodyOverTheLimitIs413() {
    byte[] body = new byte[1_048_577];
    Arrays.fill(body, (byte) ' ');
    ApiResponse response =
        Api.send(
            Api.request("/contacts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    assertEquals(413, response.status(), () -> "over 1 MB: " + response);
  }

  @Test
  void streamedBodyOverTheLimitIs413WithoutALength() {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    Iterable<byte[]> chunks = () -> Stream.generate(() -> chunk).limit(40).iterator();
    ApiResponse response =
        Api.send(
            Api.request("/contacts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks))
                .build());
    assertEquals(413, response.status(), () -> "2.5 MB, chunked: " + response);
  }

  @Test
  void operatorInjectionThroughTheQueryStringIsRefused() {
    ApiResponse response = Api.get("/contacts?filter[email][$ne]=");
    assertEquals(400, response.status(), () -> "not a filter this service knows: " + response);
    assertEquals(
        "filter[email][$ne]",
        response.error().getJsonObject("source").getString("parameter"),
        "named");
    ApiResponse regex = Api.get("/contacts?filter[q]=%5E.*%28a%2B%29%2B%24");
    assertEquals(200, regex.status(), "regular-expression text in a search is matched literally");
  }

  @Test
  void trickyIdsAreInvalidIds() {
    for (String id :
        new String[] {
          "%24ne",
          "%7B%22%24gt%22%3A%22%22%7D",
          "%E2%80%AE",
          "z".repeat(24),
          "5f8f8c44b54764421b7156c3.json"
        }) {
      ApiResponse response = Api.get("/contacts/" + id);
      assertEquals(400, response.status(), () -> id + ": " + response);
    }
  }

  /**
   * A query that is not valid in a URL reaches the service as sent: Java's HTTP client refuses to
   * send one, so these go over a socket of their own.
   */
  @Test
  void queryStringsThatAreNotValidInAUrlAre400ErrorDocuments() throws IOException {
    for (String target :
        new String[] {
          "/contacts?filter%5Bq%5D=%zz",
          "/contacts?filter[q]=50%",
          "/contacts?filter[q]={x}",
          "/contacts/5f8f8c44b54764421b7156c3?fields[contacts]=a|b"
        }) {
      String answer = rawGet(target);
      assertTrue(answer.startsWith("HTTP/1.1 400 "), () -> target + ": " + answer);
      assertTrue(
          answer.contains("Content-Type: application/vnd.api+json"),
          () -> target + " answers JSON:API: " + answer);
      // The body, whether or not it came in one chunk.
      String body = answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
      JsonObject document = Json.createReader(new StringReader(body)).readObject();
      assertEquals(
          "Malformed query string",
          document.getJsonArray("errors").getJsonObject(0).getString("title"),
          () -> target + ": " + answer);
      assertTrue(!answer.contains("Exception"), () -> target + " shows no stack trace: " + answer);
    }
  }

  private static String rawGet(String target) throws IOException {
    try (Socket socket = new Socket(Api.BASE.getHost(), Api.BASE.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Liberty refuses malformed percent-encoding and encoded path traversal itself, before the
   * application sees the request (a plain 400, see the README's known limits).
   */
  @Test
  void urlsTheContainerRefusesAre400() {
    for (String path :
        new String[] {"/contacts/..%2F..%2Fping", "/contacts/x%00", "/contacts/%C0%AF"}) {
      ApiResponse response = Api.getUnchecked(path);
      assertEquals(400, response.status(), () -> path + ": " + response);
    }
  }

  @Test
  void overlongUrlIsRefused() {
    String path = "/contacts?filter[q]=" + "a".repeat(20_000);
    assertEquals(400, Api.get(path).status(), "a long query string is a JSON:API 400");
    try {
      ApiResponse response = Api.getUnchecked("/contacts?filter[q]=" + "a".repeat(60_000));
      assertEquals(400, response.status(), "past Liberty's 32 KB request-line limit, its own 400");
    } catch (java.io.UncheckedIOException closedByServer) {
      // Liberty may also close the connection before the client has sent the whole line.
    }
  }
}
