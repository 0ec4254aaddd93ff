package it.org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Grafana dashboard in the repository queries only metrics that the running service exports, so
 * that a renamed metric breaks this test rather than a panel nobody looks at until an outage.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

  private static final Path DASHBOARD = Path.of("kubernetes/monitoring/contacts-dashboard.json");

  /**
   * PromQL's functions, aggregations and keywords: the identifiers of a query that are no metric.
   */
  private static final Set<String> PROMQL =
      Set.of(
          "sum",
          "max",
          "min",
          "avg",
          "count",
          "rate",
          "irate",
          "increase",
          "by",
          "without",
          "histogram_quantile",
          "label_values",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "topk",
          "bottomk",
          "abs",
          "clamp_min");

  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}|\\[[^]]*\\]");
  private static final Pattern GROUPING = Pattern.compile("\\b(by|without)\\s*\\([^)]*\\)");
  private static final Pattern LABEL_ARGUMENT = Pattern.compile("(label_values\\([^,]*),[^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_:][A-Za-z0-9_:]*");

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void everyMetricTheDashboardQueriesIsOneTheServiceExports() throws IOException {
    // Traffic first, so that the per-route, per-command and readiness series exist.
    Api.get("/contacts/5f8f8c44b54764421b7156c3");
    Api.sendUnchecked(HttpRequest.newBuilder(Api.BASE.resolve("/health/ready")).build());
    ApiResponse metrics =
        Api.sendUnchecked(HttpRequest.newBuilder(Api.BASE.resolve("/metrics")).build());
    assertEquals(200, metrics.status(), "the service serves /metrics");
    Set<String> exported =
        metrics
            .body()
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("[{ ]", 2)[0])
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> queried = queriedMetrics();
    assertTrue(queried.size() >= 9, () -> "the dashboard's queries were read: " + queried);
    for (String metric : queried) {
      assertTrue(
          exported.contains(metric),
          () ->
              "the dashboard queries " + metric + ", which /metrics does not export: " + exported);
    }
  }

  /** The metric names in every panel's queries and in the dashboard's variable queries. */
  private static Set<String> queriedMetrics() throws IOException {
    JsonObject dashboard;
    try (Reader file = Files.newBufferedReader(DASHBOARD);
        JsonReader reader = Json.createReader(file)) {
      dashboard = reader.readObject();
    }
    Set<String> metrics = new TreeSet<>();
    for (JsonValue panel : dashboard.getJsonArray("panels")) {
      for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
        metrics.addAll(metricsIn(target.asJsonObject().getString("expr")));
      }
    }
    for (JsonValue variable : dashboard.getJsonObject("templating").getJsonArray("list")) {
      if ("query".equals(variable.asJsonObject().getString("type"))) {
        metrics.addAll(metricsIn(variable.asJsonObject().getString("query")));
      }
    }
    assertFalse(metrics.isEmpty(), "the dashboard has queries");
    return metrics;
  }

  /** The metric names of one PromQL expression: what is left once labels and functions are gone. */
  static Set<String> metricsIn(String expression) {
    String bare = STRING.matcher(expression).replaceAll("");
    bare = MATCHERS.matcher(bare).replaceAll("");
    bare = GROUPING.matcher(bare).replaceAll("");
    bare = LABEL_ARGUMENT.matcher(bare).replaceAll("$1)");
    Set<String> metrics = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String name = identifier.group();
      if (!name.startsWith("$") && !PROMQL.contains(name)) {
        metrics.add(name);
      }
    }
    return metrics;
  }
}
