package it.org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The API description MicroProfile OpenAPI serves at /openapi, and its UI at /openapi/ui. */
class OpenApiIT extends DeployedServiceBase {

  /** Every route of the service and its methods: the description must list these and no others. */
  private static final Map<String, Set<String>> ROUTES =
      Map.of(
          "/contacts", Set.of("get", "post"),
          "/contacts/{id}", Set.of("get", "patch", "put", "delete"),
          "/contacts/changes", Set.of("get"),
          "/liveness", Set.of("get"),
          "/readiness", Set.of("get"),
          "/ping", Set.of("get"));

  private static final String STATIC_FILE = "/META-INF/openapi.yaml";

  /** How far from its path, in characters of the DOM, the UI writes an operation's summary. */
  private static final int OPERATION_SPAN = 300;

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @Test
  void descriptionListsEveryRouteWithItsMethodsAndNothingElse() {
    JsonObject paths = description().getJsonObject("paths");
    assertEquals(ROUTES.keySet(), paths.keySet(), "the paths of the service");
    ROUTES.forEach(
        (path, methods) ->
            assertEquals(
                methods, methodsOf(paths.getJsonObject(path)), () -> "the methods of " + path));
  }

  @Test
  void servedDescriptionIsTheStaticFileAlone() throws IOException {
    JsonObject file;
    try (InputStream yaml = OpenApiIT.class.getResourceAsStream(STATIC_FILE)) {
      assertNotNull(yaml, () -> STATIC_FILE + " is on the class path");
      file = Json.createObjectBuilder(new Yaml().<Map<String, Object>>load(yaml)).build();
    }
    String difference = firstDifference(file, description(), "the document");
    assertNull(
        difference,
        () ->
            "GET /openapi serves "
                + STATIC_FILE
                + " as it is, nothing generated; it differs at "
                + difference);
  }

  @Test
  void everyOperationHasAnIdSummaryAndTag() {
    JsonObject description = description();
    assertTrue(description.getString("openapi").startsWith("3.1."), "an OpenAPI 3.1 document");
    assertEquals(
        "contacts-service", description.getJsonObject("info").getString("title"), "info.title");
    Set<String> ids = new TreeSet<>();
    for (JsonObject operation : operations(description)) {
      String id = operation.getString("operationId", "");
      assertFalse(id.isEmpty(), () -> "an operationId on " + operation);
      assertTrue(ids.add(id), () -> "operationId " + id + " is unique");
      assertFalse(operation.getString("summary", "").isBlank(), () -> "a summary on " + id);
      assertFalse(operation.getJsonArray("tags").isEmpty(), () -> "a tag on " + id);
    }
  }

  @Test
  void uiShowsEveryOperationWithItsPathAndSummary(@TempDir Path browserDir) {
    Assumptions.assumeTrue(
        HeadlessChromium.isInstalled(),
        "Chromium is not installed at "
            + HeadlessChromium.EXECUTABLE
            + " (.ci/run installs it): not testing the UI");
    JsonObject paths = description().getJsonObject("paths");
    // The UI marks where a long path may wrap with <wbr>; without them the DOM holds the text
    // shown.
    String dom =
        HeadlessChromium.renderedDom(Api.BASE.resolve("/openapi/ui/"), browserDir)
            .replace("<wbr>", "");
    assertTrue(
        dom.contains(">contacts-service<"),
        () -> "the UI shows the title; it rendered:\n" + abbreviated(dom));
    ROUTES.forEach(
        (path, methods) -> {
          assertTrue(paths.containsKey(path), () -> "the description has " + path);
          for (String method : methods) {
            String summary = paths.getJsonObject(path).getJsonObject(method).getString("summary");
            assertTrue(
                showsOperation(dom, path, summary),
                () ->
                    "the UI shows "
                        + method.toUpperCase(Locale.ROOT)
                        + " "
                        + path
                        + " as \""
                        + summary
                        + "\"");
          }
        });
  }

  /** Whether the page shows this path with this summary beside it, as the UI lists an operation. */
  private static boolean showsOperation(String dom, String path, String summary) {
    String shownPath = ">" + path + "<";
    for (int at = dom.indexOf(shownPath); at >= 0; at = dom.indexOf(shownPath, at + 1)) {
      String beside = dom.substring(at, Math.min(dom.length(), at + OPERATION_SPAN));
      if (beside.contains(">" + summary + "<")) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject description() {
    HttpRequest request = Api.request("/openapi").header("Accept", "application/json").build();
    ApiResponse response = Api.sendUnchecked(request);
    assertEquals(200, response.status(), () -> "GET /openapi: " + response);
    assertTrue(
        String.valueOf(response.header("Content-Type")).startsWith("application/json"),
        () -> "JSON, as asked: " + response.header("Content-Type"));
    return response.json();
  }

  /** Where two JSON documents first differ, as a path of member names; null where they do not. */
  private static String firstDifference(JsonValue expected, JsonValue actual, String where) {
    if (expected.getValueType() != JsonValue.ValueType.OBJECT
        || actual.getValueType() != JsonValue.ValueType.OBJECT) {
      return expected.equals(actual) ? null : where;
    }
    Set<String> names = new TreeSet<>(expected.asJsonObject().keySet());
    names.addAll(actual.asJsonObject().keySet());
    for (String name : names) {
      JsonValue expectedMember = expected.asJsonObject().get(name);
      JsonValue actualMember = actual.asJsonObject().get(name);
      String difference =
          expectedMember == null || actualMember == null
              ? where + " > " + name
              : firstDifference(expectedMember, actualMember, where + " > " + name);
      if (difference != null) {
        return difference;
      }
    }
    return null;
  }

  private static String abbreviated(String text) {
    return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
  }

  private static Set<String> methodsOf(JsonObject pathItem) {
    Set<String> methods = new TreeSet<>(pathItem.keySet());
    methods.retainAll(HTTP_METHODS);
    return methods;
  }

  private static List<JsonObject> operations(JsonObject description) {
    List<JsonObject> operations = new ArrayList<>();
    JsonObject paths = description.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject pathItem = paths.getJsonObject(path);
      methodsOf(pathItem).forEach(method -> operations.add(pathItem.getJsonObject(method)));
    }
    return operations;
  }
}
