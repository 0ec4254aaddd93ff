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
  private static final String LIVE_PAGE = "/browser-client/live.html";

  private final HttpServer server;

  private FrontEndPage(HttpServer server) {
    this.server = server;
  }

  static FrontEndPage start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/browser-client/",
          exchange -> {
            byte[] page;
            try (InputStream in =
                FrontEndPage.class.getResourceAsStream(exchange.getRequestURI().getPath())) {
              if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
              }
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
    return result(page(PAGE, "?", "api", api.toString(), "lastName", lastName), browserDir);
  }

  /**
   * Runs the live page against the service at api with this token, until it sees a contact with
   * this last name. The token is in the fragment, which the browser sends to no server.
   */
  JsonObject runLive(URI api, String token, String lastName, Path browserDir) {
    return result(
        page(LIVE_PAGE, "#", "api", api.toString(), "token", token, "lastName", lastName),
        browserDir);
  }

  /** A page's address with parameters (name, value pairs) after the query or fragment mark. */
  private URI page(String path, String mark, String... parameters) {
    StringBuilder address = new StringBuilder(origin()).append(path);
    for (int i = 0; i < parameters.length; i += 2) {
      address
          .append(i == 0 ? mark : "&")
          .append(parameters[i])
          .append('=')
          .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
    }
    return URI.create(address.toString());
  }

  private static JsonObject result(URI page, Path browserDir) {
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
