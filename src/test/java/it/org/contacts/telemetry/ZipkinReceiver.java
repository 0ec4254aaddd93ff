package it.org.contacts.telemetry;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for a trace collector: receives the spans a server exports in Zipkin's JSON (v2)
 * format. The console exporter prints no parent span ids; Zipkin's format carries them.
 */
final class ZipkinReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<JsonObject> spans = new CopyOnWriteArrayList<>();
  private final StringBuilder bodies = new StringBuilder();

  ZipkinReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/v2/spans",
        exchange -> {
          // The exporter compresses what it sends.
          boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
          try (InputStream in =
              gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            receive(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    server.start();
  }

  private void receive(String body) {
    synchronized (bodies) {
      bodies.append(body).append('\n');
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      for (JsonValue span : reader.readArray()) {
        spans.add(span.asJsonObject());
      }
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
  }

  /** The spans received so far that belong to this trace. */
  List<JsonObject> spansOf(String traceId) {
    return spans.stream().filter(span -> traceId.equals(span.getString("traceId", ""))).toList();
  }

  /** Everything the server sent, as it was sent. */
  String received() {
    synchronized (bodies) {
      return bodies.toString();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
