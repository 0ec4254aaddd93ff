package it.org.contacts.web;

import static it.org.contacts.support.Api.JSON_API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.Deployments;
import it.org.contacts.support.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client of the default configuration sees of the details a browser front end relies on:
 * absolute, encoded links from the request's own address, gzip, 415 for an unsupported extension,
 * OPTIONS, no CORS header at all, and HTTP/1.1 even to a client that asks for an h2c upgrade.
 */
@ExtendWith(ArquillianExtension.class)
class LinksAndEncodingIT {

  private static final String ORIGIN = "http://localhost:4200";

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void clientThatAsksForAnH2cUpgradeIsAnsweredInHttp11() throws Exception {
    // The JDK's client asks for the upgrade by default; Liberty held a request thread for each
    // connection it upgraded, which left none for the probes under load.
    HttpClient upgrading =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response =
        upgrading.send(
            HttpRequest.newBuilder(Api.BASE.resolve("/ping"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> "the ping answers: " + response.body());
    assertEquals(
        HttpClient.Version.HTTP_1_1,
        response.version(),
        "the upgrade to HTTP/2 is declined: the answer, and the connection, stay HTTP/1.1");
  }

  @Test
  void selfLinkOfAQueryWithRawBracketsIsAbsoluteAndPercentEncoded() {
    String lastName = "Links-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    try {
      for (String firstName : List.of("Ada", "Barbara", "Carol")) {
        ids.add(Api.createContact(Map.of("firstName", firstName, "lastName", lastName)));
      }
      ApiResponse page =
          Api.get("/contacts?filter[lastName]=" + lastName + "&page[size]=2", "Accept", JSON_API);
      assertEquals(200, page.status(), () -> "a page: " + page);
      JsonObject links = page.json().getJsonObject("links");
      assertEquals(
          Api.BASE + "/contacts?filter%5BlastName%5D=" + lastName + "&page%5Bsize%5D=2",
          links.getString("self"),
          "self is absolute and encoded, whatever the request sent");
      assertEquals(Api.BASE + "/openapi", links.getString("describedby"), "describedby");
      for (String name : List.of("first", "next", "last")) {
        String link = links.getString(name);
        assertTrue(
            link.startsWith(Api.BASE + "/contacts?") && !link.contains("[") && !link.contains("]"),
            () -> name + " is absolute and encoded: " + link);
      }
      page.json()
          .getJsonArray("data")
          .forEach(
              resource -> {
                String self = resource.asJsonObject().getJsonObject("links").getString("self");
                assertEquals(
                    Api.BASE + "/contacts/" + resource.asJsonObject().getString("id"),
                    self,
                    "each resource's self is absolute");
              });
    } finally {
      ids.forEach(Api::deleteContact);
    }
  }

  @Test
  void locationDeleteAndErrorDocumentsCarryAbsoluteLinks() {
    String id = Api.createContact(Map.of("firstName", "Grace", "lastName", "Hopper"));
    try {
      ApiResponse deleted = Api.send("DELETE", "/contacts/" + id, null, "Accept", JSON_API);
      assertEquals(
          Api.BASE + "/contacts/" + id,
          deleted.json().getJsonObject("links").getString("self"),
          "a delete's self link");
    } finally {
      Api.deleteContact(id);
    }
    ApiResponse missing = Api.get("/no-such-route", "Accept", JSON_API);
    assertEquals(
        Api.BASE + "/openapi",
        missing.json().getJsonObject("links").getString("describedby"),
        "an error document's describedby");
    ApiResponse ping = Api.get("/ping");
    assertEquals(
        Api.BASE + "/ping", ping.json().getJsonObject("links").getString("self"), "/ping's self");
  }

  @Test
  void forwardedHeadersFromAnUntrustedClientDoNotChangeTheLinks() {
    ApiResponse ping =
        Api.get(
            "/ping",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "evil.example",
            "X-Forwarded-For",
            "10.9.9.9",
            "Forwarded",
            "for=10.9.9.9;host=evil.example;proto=https");
    assertEquals(
        Api.BASE + "/ping",
        ping.json().getJsonObject("links").getString("self"),
        "links come from the request itself, not from headers any client can send");
  }

  @Test
  void largeDocumentsAreGzippedWithVaryAndTheirEtagAnswers304() throws IOException {
    String lastName = "Gzip-" + UUID.randomUUID();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        ids.add(
            Api.createContact(
                Map.of(
                    "firstName", "Name" + i,
                    "lastName", lastName,
                    "companyName", "A company with a long enough name " + i,
                    "address", i + " A street with a long enough name")));
      }
      String path = "/contacts?filter[lastName]=" + lastName;
      HttpResponse<byte[]> compressed = raw(path, "Accept-Encoding", "gzip");
      assertEquals(200, compressed.statusCode(), "the page");
      assertEquals(
          "gzip",
          compressed.headers().firstValue("Content-Encoding").orElse(null),
          "a body over 2 KB is gzip'd for a client that accepts it");
      assertTrue(
          String.join(",", compressed.headers().allValues("Vary")).contains("Accept-Encoding"),
          () -> "Vary names Accept-Encoding: " + compressed.headers().allValues("Vary"));
      JsonObject document = gunzip(compressed.body());
      assertEquals(8, document.getJsonArray("data").size(), "the gzip'd body is the page");

      String tag = compressed.headers().firstValue("ETag").orElseThrow();
      HttpResponse<byte[]> revalidated = raw(path, "Accept-Encoding", "gzip", "If-None-Match", tag);
      assertEquals(
          304, revalidated.statusCode(), "the ETag a compressed response carried revalidates");

      HttpResponse<byte[]> plain = raw(path);
      assertNull(
          plain.headers().firstValue("Content-Encoding").orElse(null),
          "no compression for a client that does not ask for it");
    } finally {
      ids.forEach(Api::deleteContact);
    }
  }

  @Test
  void jsonApiContentTypeWithAnExtensionIs415OnEveryRoute() {
    String type = JSON_API + "; ext=\"https://jsonapi.org/ext/atomic\"";
    String id = "5f8f8c44b54764421b7156c3";
    for (String[] request :
        List.of(
            new String[] {"POST", "/contacts"},
            new String[] {"PATCH", "/contacts/" + id},
            new String[] {"PUT", "/contacts/" + id},
            new String[] {"DELETE", "/contacts/" + id},
            new String[] {"GET", "/ping"},
            new String[] {"POST", "/no-such-route"})) {
      ApiResponse response =
          Api.send(request[0], request[1], "{}", "Content-Type", type, "Accept", JSON_API);
      assertEquals(415, response.status(), () -> request[0] + " " + request[1] + ": " + response);
      assertEquals("415", response.error().getString("status"), "an errors document");
    }
  }

  @Test
  void optionsAnswers204WithAllowAndNoBody() {
    ApiResponse options = Api.send("OPTIONS", "/contacts/5f8f8c44b54764421b7156c3", null);
    assertEquals(204, options.status(), () -> "OPTIONS: " + options);
    assertTrue(
        options.header("Allow").contains("PATCH") && options.header("Allow").contains("DELETE"),
        () -> "Allow lists the methods: " + options.header("Allow"));
    assertEquals("", options.body(), "no body");
    assertNull(options.header("Content-Type"), "no text/plain or any other type");
  }

  @Test
  void withNoOriginsConfiguredNoResponseCarriesACorsHeader() {
    ApiResponse get = Api.get("/contacts?page[size]=1", "Origin", ORIGIN);
    ApiResponse preflight =
        Api.send(
            "OPTIONS",
            "/contacts/5f8f8c44b54764421b7156c3",
            null,
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "PATCH");
    for (ApiResponse response : List.of(get, preflight)) {
      response
          .headers()
          .map()
          .keySet()
          .forEach(
              name ->
                  assertTrue(
                      !name.toLowerCase().startsWith("access-control-"),
                      () -> "no CORS header without configuration: " + name));
    }
    ApiResponse metrics =
        Api.sendUnchecked(
            HttpRequest.newBuilder(Api.BASE.resolve("/metrics"))
                .header("Origin", ORIGIN)
                .timeout(Duration.ofSeconds(20))
                .build());
    assertEquals(200, metrics.status(), "metrics");
    assertNull(
        metrics.header("Access-Control-Allow-Credentials"),
        "/metrics never asks browsers to send credentials");
  }

  @Test
  void browserPageOnAnotherOriginIsBlockedWhenNoOriginIsConfigured(@TempDir Path browserDir) {
    Assumptions.assumeTrue(
        HeadlessChromium.isInstalled(),
        "Chromium is not installed at "
            + HeadlessChromium.EXECUTABLE
            + " (.ci/run installs it): not testing a browser front end");
    try (FrontEndPage page = FrontEndPage.start()) {
      JsonObject seen = page.run(Api.BASE, "Blocked-" + UUID.randomUUID(), browserDir);
      assertEquals(0, seen.getInt("pages"), () -> "the page read no page: " + seen);
      assertTrue(
          seen.getString("error", "").startsWith("TypeError"),
          () -> "the browser blocked the call, as fetch() reports it: " + seen);
    }
  }

  private static HttpResponse<byte[]> raw(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Api.BASE.resolve(path))
            .header("Accept", JSON_API)
            .timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject gunzip(byte[] body) throws IOException {
    try (JsonReader reader =
        Json.createReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(body)), StandardCharsets.UTF_8))) {
      return reader.readObject();
    }
  }
}
