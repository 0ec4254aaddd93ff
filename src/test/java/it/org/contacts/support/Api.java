package it.org.contacts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A plain HTTP client for the service under test. Every JSON:API body it receives is checked
 * against the structure the specification defines before a test sees it.
 */
public final class Api {

  public static final String JSON_API = "application/vnd.api+json";
  public static final URI BASE =
      URI.create("http://localhost:" + System.getProperty("it.http.port"));

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Api() {}

  public static ApiResponse get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** A GET as a JSON:API client sends it: {@code Accept} names the JSON:API media type. */
  public static ApiResponse getJsonApi(String path, String... headers) {
    return get(path, withJsonApi(false, headers));
  }

  /**
   * A request as a JSON:API client sends it: {@code Content-Type} and {@code Accept} name the
   * JSON:API media type.
   */
  public static ApiResponse sendJsonApi(
      String method, String path, String body, String... headers) {
    return send(method, path, body, withJsonApi(true, headers));
  }

  /** A GET of a route whose answer is not the service's own document, such as /health/ready. */
  public static ApiResponse getUnchecked(String path) {
    return sendUnchecked(request(path).build());
  }

  /** A request to the service with the deadline every test request has. */
  public static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(BASE.resolve(path)).timeout(TIMEOUT);
  }

  /** Sends a request; headers come as name, value pairs. */
  public static ApiResponse send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public static ApiResponse send(HttpRequest request) {
    ApiResponse result = sendUnchecked(request);
    if (!result.body().isEmpty()) {
      boolean strict =
          request.headers().allValues("Accept").stream().anyMatch(a -> a.contains(JSON_API));
      JsonApiDocuments.assertValid(result, strict);
    }
    return result;
  }

  /**
   * Sends a request whose answer is not the service's own document, such as MicroProfile Health's.
   */
  public static ApiResponse sendUnchecked(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON:API create document for these attributes. */
  public static String document(Map<String, String> attributes) {
    JsonObjectBuilder values = Json.createObjectBuilder();
    attributes.forEach(values::add);
    return Json.createObjectBuilder()
        .add("data", Json.createObjectBuilder().add("type", "contacts").add("attributes", values))
        .build()
        .toString();
  }

  /** Creates a contact as a JSON:API client would and returns its id. */
  public static String createContact(Map<String, String> attributes) {
    ApiResponse created = sendJsonApi("POST", "/contacts", document(attributes));
    assertEquals(201, created.status(), () -> "creating a test contact: " + created);
    return created.data().getString("id");
  }

  public static void deleteContact(String id) {
    send("DELETE", "/contacts/" + id, null);
  }

  private static String[] withJsonApi(boolean body, String... headers) {
    String[] jsonApi =
        body
            ? new String[] {"Content-Type", JSON_API, "Accept", JSON_API}
            : new String[] {"Accept", JSON_API};
    String[] all = Arrays.copyOf(jsonApi, jsonApi.length + headers.length);
    System.arraycopy(headers, 0, all, jsonApi.length, headers.length);
    return all;
  }
}
