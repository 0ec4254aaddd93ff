package org.contacts.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.contacts.priming.LoopbackHttp.Answer;
import org.contacts.priming.LoopbackHttp.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming's own HTTP/1.1 client against the JDK's HTTP server, on loopback. */
class LoopbackHttpTest {

  /** What the server saw of each request: method, path and query, body, and the client's port. */
  private record Seen(String method, String target, String body, int clientPort) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private LoopbackHttp http;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    http = new LoopbackHttp(server.getAddress().getPort(), 2_000, 5_000);
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop(0);
  }

  @Test
  void readsStatusTagAndBodyAndKeepsTheConnectionForTheNextRequest() throws IOException {
    Answer first = http.send(get("/sized?x=1"));
    Answer second = http.send(get("/sized"));

    assertEquals(200, first.status(), "the status");
    assertEquals("\"v1\"", first.tag(), "the entity tag");
    assertEquals("{\"data\":[]}", first.body(), "the body of a Content-Length answer");
    assertEquals("/sized?x=1", seen.get(0).target(), "the path and query as sent");
    assertEquals(
        seen.get(0).clientPort(), seen.get(1).clientPort(), "the second on the same connection");
    assertEquals(200, second.status(), "the second answer");
  }

  @Test
  void readsAChunkedBodyWhole() throws IOException {
    Answer answer = http.send(get("/chunked"));

    assertEquals("a".repeat(10_000) + "b".repeat(10_000), answer.body(), "both chunks, in order");
    assertEquals(200, http.send(get("/sized")).status(), "the connection still usable after it");
  }

  @Test
  void readsNoBodyForHeadOrNotModifiedAndGoesOnOnTheConnection() throws IOException {
    Answer head = http.send(LoopbackHttp.request("HEAD", "/sized", Map.of(), null));
    Answer notModified = http.send(get("/not-modified"));
    Answer after = http.send(get("/sized"));

    assertEquals(200, head.status(), "HEAD's status");
    assertEquals("", head.body(), "HEAD has no body");
    assertEquals(304, notModified.status(), "the conditional answer");
    assertEquals("{\"data\":[]}", after.body(), "the next answer read from its own start");
    assertEquals(1, seen.stream().map(Seen::clientPort).distinct().count(), "one connection");
  }

  @Test
  void sendsAMethodAndABodyTheJdkUrlConnectionCannot() throws IOException {
    String json = "{\"data\":{\"attributes\":{\"city\":\"Zürich\"}}}";
    Answer answer =
        http.send(
            LoopbackHttp.request("PATCH", "/sized", Map.of("If-Match", "\"no-version\""), json));

    assertEquals(200, answer.status(), "the answer");
    assertEquals("PATCH", seen.get(0).method(), "the method as sent");
    assertEquals(json, seen.get(0).body(), "the body as sent, in UTF-8");
  }

  @Test
  void opensANewConnectionWhenTheServerClosesOne() throws IOException {
    Answer closing = http.send(get("/closing"));
    Answer next = http.send(get("/sized"));

    assertNull(closing.tag(), "no tag on that answer");
    assertEquals(200, next.status(), "the next request answered");
    assertNotEquals(
        seen.get(0).clientPort(),
        seen.get(1).clientPort(),
        "a new connection after Connection: close");
  }

  @Test
  void sendsAgainOnANewConnectionWhenTheListenerClosedAnIdleOne() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
      Thread server = answerAndClose(listener, 2, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
      try (LoopbackHttp client = new LoopbackHttp(listener.getLocalPort(), 2_000, 5_000)) {
        assertEquals(200, client.send(get("/")).status(), "the first answer, kept alive");
        assertEquals(
            200, client.send(get("/")).status(), "the second, after the listener closed the first");
      }
      server.join(5_000);
    }
  }

  @Test
  void anAnswerThatIsNotHttpIsAnIoErrorNotACrash() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server =
          answerAndClose(listener, 1, "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n");
      try (LoopbackHttp client = new LoopbackHttp(listener.getLocalPort(), 2_000, 5_000)) {
        IOException refused = assertThrows(IOException.class, () -> client.send(get("/")));
        assertEquals(
            "not an HTTP/1.1 answer",
            refused.getMessage(),
            "a malformed answer fails as I/O, which ends priming with its reason");
      }
      server.join(5_000);
    }
  }

  /**
   * A listener that, on each of so many connections, reads a request, writes the given answer as it
   * is, then closes the connection: what the JDK's server will not do.
   */
  private static Thread answerAndClose(ServerSocket listener, int connections, String answer) {
    Thread server =
        new Thread(
            () -> {
              for (int i = 0; i < connections; i++) {
                try (Socket socket = listener.accept()) {
                  socket.getInputStream().read(new byte[1024]);
                  socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                  // the test asserts on the client's side
                }
              }
            });
    server.start();
    return server;
  }

  @Test
  void describesARequestByMethodAndPathWithoutItsQuery() {
    assertEquals(
        "GET /contacts", get("/contacts?filter%5Bq%5D=secret").describe(), "no query in the log");
  }

  private static Request get(String target) {
    return LoopbackHttp.request("GET", target, Map.of("Accept", "application/json"), null);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            body,
            exchange.getRemoteAddress().getPort()));
    switch (exchange.getRequestURI().getPath()) {
      case "/chunked" -> {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write("a".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
          out.flush();
          out.write("b".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        }
      }
      case "/not-modified" -> {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
      }
      case "/closing" -> {
        exchange.getResponseHeaders().set("Connection", "close");
        send(exchange, "{}");
      }
      default -> {
        exchange.getResponseHeaders().set("ETag", "\"v1\"");
        send(exchange, "{\"data\":[]}");
      }
    }
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }
}
