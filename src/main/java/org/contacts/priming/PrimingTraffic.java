package org.contacts.priming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.contacts.jsonapi.JsonApi;
import org.contacts.priming.LoopbackHttp.Request;

/**
 * The requests priming sends to the service's own HTTP listener on loopback. Each carries the
 * marker (so it is neither logged nor counted) and a W3C trace context whose sampled flag is off
 * (so no trace of it is exported). None can store anything: the writes among them are refused by
 * validation or by an If-Match that names no version.
 */
final class PrimingTraffic implements AutoCloseable {

  /** An entity tag that is no version: If-Match with it never matches, so nothing is written. */
  static final String NO_VERSION = "\"priming-names-no-version\"";

  private static final String ACCEPT = "Accept";
  private static final String CURSOR_PAGES =
      JsonApi.MEDIA_TYPE + "; profile=\"" + JsonApi.CURSOR_PROFILE + "\"";
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  private static final int CONTACTS_TO_READ = 10;

  /** A contact priming reads: its id and the tag of its JSON:API representation. */
  record Target(String id, String tag) {}

  private final LoopbackHttp http;
  private final String marker;
  private final String traceparent;

  PrimingTraffic(int port, String marker) {
    this.http = new LoopbackHttp(port, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS);
    this.marker = marker;
    this.traceparent = unsampledTraceContext();
  }

  LoopbackHttp.Answer send(Request request) throws IOException {
    return http.send(request);
  }

  @Override
  public void close() {
    http.close();
  }

  Request ping() {
    return get("/ping", null);
  }

  /** The first page, as a JSON:API client asks for it: the contacts priming goes on to read. */
  Request firstPage() {
    return get("/contacts?page%5Bsize%5D=" + CONTACTS_TO_READ, JsonApi.MEDIA_TYPE);
  }

  Request cursorPage() {
    return get("/contacts?page%5Bsize%5D=5&sort=lastName,firstName", CURSOR_PAGES);
  }

  Request contact(String id) {
    return get("/contacts/" + id, JsonApi.MEDIA_TYPE);
  }

  /**
   * The requests of the open API (contacts.auth.mode none): pages with sort, filter, fields and
   * cursors; GET, HEAD and conditional GET by id; refusals that store nothing.
   */
  List<Request> openApiRequests(List<Target> targets, String nextCursorPage) {
    List<Request> requests = new ArrayList<>();
    requests.add(get("/contacts", null));
    requests.add(
        get(
            "/contacts?sort=lastName,-firstName&filter%5Bstate%5D=CA"
                + "&fields%5Bcontacts%5D=firstName,lastName,email",
            JsonApi.MEDIA_TYPE));
    requests.add(
        get("/contacts?filter%5Bq%5D=ma&page%5Bnumber%5D=2&page%5Bsize%5D=10", JsonApi.MEDIA_TYPE));
    requests.add(cursorPage());
    if (nextCursorPage != null) {
      requests.add(get(nextCursorPage, CURSOR_PAGES));
    }
    for (Target target : targets) {
      String path = "/contacts/" + target.id();
      requests.add(contact(target.id()));
      requests.add(get(path, null));
      requests.add(get(path + "?fields%5Bcontacts%5D=email", null));
      requests.add(request("HEAD", path, headers(ACCEPT, JsonApi.MEDIA_TYPE), null));
      if (target.tag() != null) {
        requests.add(
            request(
                "GET",
                path,
                headers(ACCEPT, JsonApi.MEDIA_TYPE, "If-None-Match", target.tag()),
                null));
      }
    }
    requests.add(invalidCreate());
    for (Target target : targets.subList(0, Math.min(2, targets.size()))) {
      requests.add(staleUpdate(target.id()));
      requests.add(
          request("DELETE", "/contacts/" + target.id(), headers("If-Match", NO_VERSION), null));
    }
    // An id that is no contact's, and a text that is no id.
    requests.add(contact("000000000000000000000000"));
    requests.add(get("/contacts/not-an-id", null));
    return requests;
  }

  /**
   * The requests of jwt mode, which only an unauthenticated caller could send: refusals before any
   * route is served. Priming holds no token and cannot make one.
   */
  List<Request> refusedRequests() {
    return List.of(
        get("/contacts", null),
        get("/contacts?page%5Bsize%5D=5", JsonApi.MEDIA_TYPE),
        request(
            "GET",
            "/contacts/000000000000000000000000",
            headers("Authorization", "Bearer not-a-token"),
            null),
        invalidCreate());
  }

  /** A create that validation refuses: no last name and no valid email. */
  private Request invalidCreate() {
    return request(
        "POST",
        "/contacts",
        headers("Content-Type", JsonApi.MEDIA_TYPE, ACCEPT, JsonApi.MEDIA_TYPE),
        "{\"data\":{\"type\":\"contacts\",\"attributes\":"
            + "{\"firstName\":\"Priming\",\"email\":\"not an address\"}}}");
  }

  /** A change whose If-Match names no version: answered 412, and nothing is written. */
  private Request staleUpdate(String id) {
    return request(
        "PATCH",
        "/contacts/" + id,
        headers(
            "Content-Type", JsonApi.MEDIA_TYPE, ACCEPT, JsonApi.MEDIA_TYPE, "If-Match", NO_VERSION),
        "{\"data\":{\"type\":\"contacts\",\"id\":\""
            + id
            + "\",\"attributes\":{\"city\":\"Priming\"}}}");
  }

  private Request get(String pathAndQuery, String accept) {
    return request("GET", pathAndQuery, accept == null ? headers() : headers(ACCEPT, accept), null);
  }

  /** A request with the marker and the unsampled trace context after the given headers. */
  private Request request(
      String method, String pathAndQuery, Map<String, String> headers, String body) {
    headers.put(PrimingMarker.HEADER, marker);
    headers.put("traceparent", traceparent);
    return LoopbackHttp.request(method, pathAndQuery, headers, body);
  }

  /** Headers from name and value pairs, in their order. */
  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
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
