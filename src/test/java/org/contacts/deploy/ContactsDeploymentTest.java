package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsDeploymentTest {

  private final Manifests manifests = new Manifests();
  private final ServerConfig server = new ServerConfig();
  private final YamlNode deployment = manifests.single("Deployment");
  private final YamlNode pod = deployment.get("spec", "template");
  private final YamlNode container = pod.get("spec", "containers").items().get(0);
  private final YamlNode port = container.get("ports").items().get(0);

  @Test
  void containerPortIsTheServersHttpPort() {
    assertEquals(
        server.httpPort(),
        port.get("containerPort").integer(),
        port.path() + " should be the default of http.port in " + ServerConfig.FILE);
  }

  @Test
  void probesUseTheHealthEndpointsOfMicroProfileHealth() {
    assertTrue(
        server.enablesFeature("mpHealth"),
        ServerConfig.FILE
            + " should enable mpHealth, which serves /health/*: "
            + server.features());
    Map<String, String> pathByProbe =
        Map.of(
            "startupProbe", "/health/started",
            "livenessProbe", "/health/live",
            "readinessProbe", "/health/ready");
    pathByProbe.forEach(
        (probe, path) ->
            assertEquals(
                path,
                container.get(probe, "httpGet", "path").text(),
                container.path() + "." + probe + " should ask " + path));
  }

  @Test
  void probesAskTheContainerPortWithTimeoutsOfAtLeastThreeSeconds() {
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      YamlNode check = container.get(probe);
      String target = check.get("httpGet", "port").text();
      assertTrue(
          isContainerPort(target),
          check.path() + " should target the container port by its name or number, not " + target);
      assertTrue(
          check.get("timeoutSeconds").integer() >= 3,
          check.path() + ".timeoutSeconds should be at least 3, so a GC pause fails no probe");
    }
  }

  @Test
  void serviceSendsPort80ToTheContainerPortOfThesePods() {
    YamlNode service = manifests.named("Service", deployment.get("metadata", "name").text());
    YamlNode servicePort = service.get("spec", "ports").items().get(0);
    String target = servicePort.get("targetPort").text();

    assertTrue(
        Manifests.selects(service.get("spec", "selector"), pod.get("metadata", "labels")),
        service.path() + " selector should select the Deployment's pods");
    assertEquals(80, servicePort.get("port").integer(), servicePort.path() + " should be port 80");
    assertTrue(
        isContainerPort(target),
        servicePort.path() + ".targetPort should be the container port, not " + target);
  }

  @Test
  void autoscalerAndDisruptionBudgetApplyToThisDeployment() {
    YamlNode target = manifests.single("HorizontalPodAutoscaler").get("spec", "scaleTargetRef");
    YamlNode budget =
        manifests.named("PodDisruptionBudget", deployment.get("metadata", "name").text());

    assertEquals(
        "Deployment", target.get("kind").text(), target.path() + " should be a Deployment");
    assertEquals(
        deployment.get("metadata", "name").text(),
        target.get("name").text(),
        target.path() + " should name the Deployment");
    assertTrue(
        Manifests.selects(
            budget.get("spec", "selector", "matchLabels"), pod.get("metadata", "labels")),
        budget.path() + " selector should select the Deployment's pods");
  }

  @Test
  void preStopSleepEndsWellWithinTheGracePeriod() {
    List<String> command =
        container.get("lifecycle", "preStop", "exec", "command").items().stream()
            .map(YamlNode::text)
            .toList();
    int grace = pod.get("spec", "terminationGracePeriodSeconds").integer();

    assertEquals("sleep", command.get(0), container.path() + " preStop should sleep: " + command);
    assertTrue(
        Integer.parseInt(command.get(1)) + 30 <= grace,
        "terminationGracePeriodSeconds ("
            + grace
            + ") should cover the preStop sleep ("
            + command.get(1)
            + " s) and Liberty's 30 s quiesce");
  }

  private boolean isContainerPort(String target) {
    return target.equals(port.get("name").text())
        || target.equals(port.get("containerPort").text());
  }
}
