package it.org.contacts.web;

import com.sun.net.httpserver.HttpServer;
import it.org.contacts.support.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A browser front end on an origin of its own: a JDK HTTP server on another port serves a static
 * page that drives the service with fetch(), and headless Chromium runs it.
 */
final class FrontEndPage implements AutoCloseable {

  private static final String PAGE = "/browser-client/contacts.html";

  private final HttpServer server;

  private FrontEndPage(HttpServer server) {
    this.server = server;
  }

  static FrontEndPage start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          PAGE,
          exchange -> {
            byte[] page;
            try (InputStream in = FrontEndPage.class.getResourceAsStream(PAGE)) {
              page = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
          });
      server.start();
      return new FrontEndPage(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's origin, which the service must list for the browser to let the page read it. */
  String origin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** Runs the page against the service at api, on the contacts with this last name. */
  JsonObject run(URI api, String lastName, Path browserDir) {
    URI page =
        URI.create(
            origin()
                + PAGE
                + "?api="
                + URLEncoder.encode(api.toString(), StandardCharsets.UTF_8)
                + "&lastName="
                + URLEncoder.encode(lastName, StandardCharsets.UTF_8));
    String dom = HeadlessChromium.renderedDom(page, browserDir);
    int start = dom.indexOf("<pre id=\"result\">");
    int end = dom.indexOf("</pre>", start);
    if (start < 0 || end < 0) {
      throw new AssertionError("the page rendered no result:\n" + dom);
    }
    String text =
        dom.substring(start + "<pre id=\"result\">".length(), end)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("the page did not finish: " + text, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
