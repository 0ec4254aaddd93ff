package org.contacts.priming;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.contacts.jsonapi.JsonApi;

/**
 * The requests priming sends to the service's own HTTP listener on loopback. Each carries the
 * marker (so it is neither logged nor counted) and a W3C trace context whose sampled flag is off
 * (so no trace of it is exported). None can store anything: the writes among them are refused by
 * validation or by an If-Match that names no version.
 */
final class PrimingTraffic {

  /** An entity tag that is no version: If-Match with it never matches, so nothing is written. */
  static final String NO_VERSION = "\"priming-names-no-version\"";

  private static final String ACCEPT = "Accept";
  private static final String CURSOR_PAGES =
      JsonApi.MEDIA_TYPE + "; profile=\"" + JsonApi.CURSOR_PROFILE + "\"";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int CONTACTS_TO_READ = 10;

  /** A contact priming reads: its id and the tag of its JSON:API representation. */
  record Target(String id, String tag) {}

  /** What a request answered: its status, entity tag and body. */
  record Answer(int status, String tag, String body) {}

  private final HttpClient client;
  private final URI base;
  private final String marker;
  private final String traceparent;

  PrimingTraffic(int port, String marker) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    this.base = URI.create("http://127.0.0.1:" + port);
    this.marker = marker;
    this.traceparent = unsampledTraceContext();
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body());
  }

  HttpRequest ping() {
    return request("/ping").GET().build();
  }

  /** The first page, as a JSON:API client asks for it: the contacts priming goes on to read. */
  HttpRequest firstPage() {
    return request("/contacts?page%5Bsize%5D=" + CONTACTS_TO_READ)
        .header(ACCEPT, JsonApi.MEDIA_TYPE)
        .GET()
        .build();
  }

  HttpRequest cursorPage() {
    return request("/contacts?page%5Bsize%5D=5&sort=lastName,firstName")
        .header(ACCEPT, CURSOR_PAGES)
        .GET()
        .build();
  }

  HttpRequest contact(String id) {
    return request("/contacts/" + id).header(ACCEPT, JsonApi.MEDIA_TYPE).GET().build();
  }

  /**
   * The requests of the open API (contacts.auth.mode none): pages with sort, filter, fields and
   * cursors; GET, HEAD and conditional GET by id; refusals that store nothing.
   */
  List<HttpRequest> openApiRequests(List<Target> targets, String nextCursorPage) {
    List<HttpRequest> requests = new ArrayList<>();
    requests.add(request("/contacts").GET().build());
    requests.add(
        request(
                "/contacts?sort=lastName,-firstName&filter%5Bstate%5D=CA"
                    + "&fields%5Bcontacts%5D=firstName,lastName,email")
            .header(ACCEPT, JsonApi.MEDIA_TYPE)
            .GET()
            .build());
    requests.add(
        request("/contacts?filter%5Bq%5D=ma&page%5Bnumber%5D=2&page%5Bsize%5D=10")
            .header(ACCEPT, JsonApi.MEDIA_TYPE)
            .GET()
            .build());
    requests.add(cursorPage());
    if (nextCursorPage != null) {
      requests.add(request(nextCursorPage).header(ACCEPT, CURSOR_PAGES).GET().build());
    }
    for (Target target : targets) {
      String path = "/contacts/" + target.id();
      requests.add(contact(target.id()));
      requests.add(request(path).GET().build());
      requests.add(request(path + "?fields%5Bcontacts%5D=email").GET().build());
      requests.add(
          request(path).header(ACCEPT, JsonApi.MEDIA_TYPE).method("HEAD", noBody()).build());
      if (target.tag() != null) {
        requests.add(
            request(path)
                .header(ACCEPT, JsonApi.MEDIA_TYPE)
                .header("If-None-Match", target.tag())
                .GET()
                .build());
      }
    }
    requests.add(invalidCreate());
    for (Target target : targets.subList(0, Math.min(2, targets.size()))) {
      requests.add(staleUpdate(target.id()));
      requests.add(
          request("/contacts/" + target.id())
              .header("If-Match", NO_VERSION)
              .method("DELETE", noBody())
              .build());
    }
    // An id that is no contact's, and a text that is no id.
    requests.add(contact("000000000000000000000000"));
    requests.add(request("/contacts/not-an-id").GET().build());
    return requests;
  }

  /**
   * The requests of jwt mode, which only an unauthenticated caller could send: refusals before any
   * route is served. Priming holds no token and cannot make one.
   */
  List<HttpRequest> refusedRequests() {
    return List.of(
        request("/contacts").GET().build(),
        request("/contacts?page%5Bsize%5D=5").header(ACCEPT, JsonApi.MEDIA_TYPE).GET().build(),
        request("/contacts/000000000000000000000000")
            .header("Authorization", "Bearer not-a-token")
            .GET()
            .build(),
        invalidCreate());
  }

  /** A create that validation refuses: no last name and no valid email. */
  private HttpRequest invalidCreate() {
    return request("/contacts")
        .header("Content-Type", JsonApi.MEDIA_TYPE)
        .header(ACCEPT, JsonApi.MEDIA_TYPE)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"data\":{\"type\":\"contacts\",\"attributes\":"
                    + "{\"firstName\":\"Priming\",\"email\":\"not an address\"}}}"))
        .build();
  }

  /** A change whose If-Match names no version: answered 412, and nothing is written. */
  private HttpRequest staleUpdate(String id) {
    return request("/contacts/" + id)
        .header("Content-Type", JsonApi.MEDIA_TYPE)
        .header(ACCEPT, JsonApi.MEDIA_TYPE)
        .header("If-Match", NO_VERSION)
        .method(
            "PATCH",
            HttpRequest.BodyPublishers.ofString(
                "{\"data\":{\"type\":\"contacts\",\"id\":\""
                    + id
                    + "\",\"attributes\":{\"city\":\"Priming\"}}}"))
        .build();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(TIMEOUT)
        .header(PrimingMarker.HEADER, marker)
        .header("traceparent", traceparent);
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  /** A trace context (W3C) that asks for the request not to be sampled: flags 00. */
  private static String unsampledTraceContext() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    random.nextBytes(trace);
    random.nextBytes(span);
    trace[0] |= 1; // never the invalid all-zero id
    span[0] |= 1;
    return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-00";
  }
}
