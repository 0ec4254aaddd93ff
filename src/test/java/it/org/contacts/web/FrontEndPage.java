package it.org.contacts.web;

import com.sun.net.httpserver.HttpServer;
import it.org.contacts.support.ChromeDriverSession;
import it.org.contacts.support.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * page that drives the service with fetch(), and headless Chromium runs it: to its end for a page
 * that ends, under chromedriver for the live page, whose stream never ends.
 */
final class FrontEndPage implements AutoCloseable {

  private static final String PAGE = "/browser-client/contacts.html";
  private static final String LIVE_PAGE = "/browser-client/live.html";

  /** A script that returns the page's result once it is no longer "running". */
  private static final String AWAIT_RESULT =
      String.join(
          "\n",
          "const done = arguments[arguments.length - 1];",
          "const result = document.getElementById('result');",
          "if (result.textContent !== 'running') {",
          "  done(result.textContent);",
          "} else {",
          "  new MutationObserver((changes, observer) => {",
          "    observer.disconnect();",
          "    done(result.textContent);",
          "  }).observe(result, {childList: true, characterData: true, subtree: true});",
          "}");

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
   * The live page's address, to follow the service at api with this token until it sees a contact
   * with this last name. The token is in the fragment, which the browser sends to no server.
   */
  URI livePage(URI api, String token, String lastName) {
    return page(LIVE_PAGE, "#", "api", api.toString(), "token", token, "lastName", lastName);
  }

  /** What a page shows in its result so far: "running" until it has finished. */
  static String shown(ChromeDriverSession browser) {
    return ((JsonString) browser.execute("return document.getElementById('result').textContent;"))
        .getString();
  }

  /**
   * Waits in the browser, up to the session's script timeout, for the page to finish, and returns
   * its result.
   */
  static JsonObject awaitResult(ChromeDriverSession browser) {
    JsonValue text;
    try {
      text = browser.executeAsync(AWAIT_RESULT);
    } catch (AssertionError timedOut) {
      throw new AssertionError("the page did not finish; it shows: " + shown(browser), timedOut);
    }
    return parse(((JsonString) text).getString());
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
    return parse(
        dom.substring(start + "<pre id=\"result\">".length(), end)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"));
  }

  private static JsonObject parse(String text) {
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
