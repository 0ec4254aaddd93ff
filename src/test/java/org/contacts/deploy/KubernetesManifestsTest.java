package org.contacts.deploy;

import static org.contacts.deploy.ProjectFiles.at;
import static org.contacts.deploy.ProjectFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifests of kubernetes/ against server.xml, the settings the code reads, and each other. */
class KubernetesManifestsTest {

  /** Liberty's default quiesce: how long its stop waits for requests in flight. */
  private static final int LIBERTY_QUIESCE_SECONDS = 30;

  /** How long the service may take to start at one CPU, before it primes. */
  private static final int START_SECONDS = 180;

  /** Request threads that the datastore's bulkhead always leaves free. */
  private static final int MIN_FREE_REQUEST_THREADS = 8;

  /** Connections used outside the bulkhead: the change feed's stream, readiness, priming. */
  private static final int SPARE_CONNECTIONS = 8;

  /** Settings the service reads that are not for a ConfigMap: a secret and development ones. */
  private static final Set<String> NOT_FOR_CONFIG_MAP =
      Set.of("MONGO_URI", "CONTACTS_CHANGES_CURSOR_KEY", "MONGO_SEED_COUNT");

  private final List<?> resources =
      (List<?>) at(ProjectFiles.yaml("kubernetes/kustomization.yaml").get(0), "resources");
  private final List<Object> objects = new ArrayList<>();
  private final Map<String, String> settings = ProjectFiles.settings();

  KubernetesManifestsTest() {
    resources.forEach(file -> objects.addAll(ProjectFiles.yaml("kubernetes/" + file)));
  }

  @Test
  void probesAskTheHealthRoutesOnTheServersHttpPort() {
    Object port = at(container(), "ports", 0);
    assertEquals(
        ProjectFiles.serverVariable("http.port"),
        text(port, "containerPort"),
        "the container port is http.port");
    assertTrue(
        ProjectFiles.read(ProjectFiles.SERVER_XML).contains("<feature>mpHealth-"),
        "mpHealth serves /health/*");
    Map.of(
            "startupProbe",
            "/health/started",
            "livenessProbe",
            "/health/live",
            "readinessProbe",
            "/health/ready")
        .forEach(
            (probe, path) -> {
              assertEquals(path, text(container(), probe, "httpGet", "path"), probe + " path");
              assertEquals(
                  text(port, "name"), text(container(), probe, "httpGet", "port"), probe + " port");
            });
    Object service = named("Service", text(single("Deployment"), "metadata", "name"));
    assertEquals(
        text(port, "name"),
        text(service, "spec", "ports", 0, "targetPort"),
        "the Service's target port");
  }

  @Test
  void probeTimeoutsOutwaitTheChecksOwnWaits() {
    long deadline = millis("MONGO_TIMEOUT_MS");
    assertTrue(
        1000L * (int) at(container(), "readinessProbe", "timeoutSeconds") > deadline,
        "the readiness probe should outwait the check's MongoDB ping, bounded by the deadline");
    long window = millis("CONTACTS_LIVENESS_STALL_WINDOW_MS");
    assertTrue(
        window >= 2 * deadline,
        "the liveness check's stall window ("
            + window
            + " ms) should be well above the datastore deadline ("
            + deadline
            + " ms), or requests waiting on the datastore look like a stalled process");
  }

  @Test
  void datastoreTimeoutsAndBulkheadAgreeWithEachOtherAndTheRequestThreads() {
    long deadline = millis("MONGO_TIMEOUT_MS");
    assertTrue(
        millis("MONGO_SERVER_SELECTION_TIMEOUT_MS") <= deadline,
        "server selection is part of the deadline, so it cannot be longer");
    assertTrue(
        millis("MONGO_CONNECT_TIMEOUT_MS") > deadline,
        "the driver's monitor should wait for a heartbeat longer than the deadline, or a datastore"
            + " that is merely slower than the deadline is reported unreachable");
    assertTrue(
        millis("CONTACTS_SHUTDOWN_DRAIN_TIMEOUT_MS") >= deadline,
        "the drain should outwait a request's datastore deadline");
    long bulkhead = millis("MONGO_MAX_CONCURRENT_REQUESTS");
    assertTrue(
        bulkhead + SPARE_CONNECTIONS <= millis("MONGO_MAX_POOL_SIZE"),
        "every request let through to the datastore should find a connection without waiting,"
            + " beside the change feed's stream, the readiness ping and priming");
    assertTrue(
        bulkhead <= millis("MONGO_MIN_POOL_SIZE")
            && millis("MONGO_MIN_POOL_SIZE") <= millis("MONGO_MAX_POOL_SIZE"),
        "the connections the bulkhead lets through should be open before a burst needs them, and"
            + " the pool's floor cannot be above its ceiling");
    assertTrue(
        ProjectFiles.read(ProjectFiles.SERVER_XML)
            .contains("<executor coreThreads=\"${request.core-threads}\"/>"),
        "server.xml sets the request threads from the variable request.core-threads");
    long threads = Long.parseLong(ProjectFiles.serverVariable("request.core-threads"));
    assertTrue(
        bulkhead + MIN_FREE_REQUEST_THREADS <= threads,
        String.format(
            "the requests waiting on the datastore (%d) should leave at least %d of the %d request"
                + " threads for probes, /metrics and refusals",
            bulkhead, MIN_FREE_REQUEST_THREADS, threads));
  }

  @Test
  void podsPrimeAndTheStartupProbeWaitsForTheStartThenPrimingsBound() {
    assertEquals("true", setting("CONTACTS_PRIMING_ENABLED"), "the pods prime before readiness");
    int budget =
        (int) at(container(), "startupProbe", "periodSeconds")
            * (int) at(container(), "startupProbe", "failureThreshold");
    long priming = Long.parseLong(setting("CONTACTS_PRIMING_MAX_DURATION_MS")) / 1000;
    assertTrue(
        budget >= START_SECONDS + priming,
        String.format(
            "the startup probe allows %d s: the start at one CPU (%d s) and priming's bound (%d s)"
                + " should fit, or Kubernetes restarts a pod that is priming",
            budget, START_SECONDS, priming));
  }

  @Test
  void gracePeriodCoversThePreStopSleepThenTheDrain() {
    int grace =
        (int) at(single("Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds");
    List<?> preStop = (List<?>) at(container(), "lifecycle", "preStop", "exec", "command");
    int sleep =
        "sleep".equals(preStop.get(0)) ? Integer.parseInt(String.valueOf(preStop.get(1))) : 0;
    long drain = Long.parseLong(setting("CONTACTS_SHUTDOWN_DRAIN_TIMEOUT_MS")) / 1000;
    assertTrue(
        sleep + Math.max(drain, LIBERTY_QUIESCE_SECONDS) <= grace,
        String.format(
            "terminationGracePeriodSeconds (%d) should cover the preStop sleep (%d s), then the"
                + " drain of requests in flight (%d s, and Liberty's %d s quiesce), or Kubernetes"
                + " kills requests being drained",
            grace, sleep, drain, LIBERTY_QUIESCE_SECONDS));
  }

  @Test
  void configMapSetsOnlySettingsTheServiceReadsAndTheSecretTheUri() {
    for (Object key : ((Map<?, ?>) at(configMap(), "data")).keySet()) {
      assertTrue(
          settings.containsKey(key),
          "the ConfigMap sets " + key + ", which the service does not read");
      assertFalse(
          NOT_FOR_CONFIG_MAP.contains(key) || key.toString().startsWith("MONGO_EMBEDDED"),
          "the ConfigMap should not set " + key + ": a secret, or for development only");
    }
    Object reference = at(environmentVariable("MONGO_URI"), "valueFrom", "secretKeyRef");
    assertTrue(settings.containsKey("MONGO_URI"), "the service reads MONGO_URI");
    assertEquals("MONGO_URI", text(reference, "key"), "the Secret's key is the variable's name");
    at(named("Secret", text(reference, "name")), "stringData", "MONGO_URI");
  }

  @Test
  void cursorKeyComesFromASecretThatTheDocsCreateAndGitNeverHolds() {
    String variable = "CONTACTS_CHANGES_CURSOR_KEY";
    assertTrue(settings.containsKey(variable), "the service reads " + variable);
    Object reference = at(environmentVariable(variable), "valueFrom", "secretKeyRef");
    assertEquals(variable, text(reference, "key"), "the Secret's key is the variable's name");
    assertFalse(
        Boolean.TRUE.equals(((Map<?, ?>) reference).get("optional")),
        "pods wait for the key rather than start without a change feed");
    String secret = text(reference, "name");
    assertTrue(
        objects.stream()
            .noneMatch(
                o ->
                    text(o, "kind").equals("Secret") && text(o, "metadata", "name").equals(secret)),
        "a signing key in git would be every deployment's key: the operator creates the Secret "
            + secret);
    String creation =
        "kubectl -n contacts create secret generic " + secret + " --from-literal=" + variable + "=";
    assertTrue(
        ProjectFiles.read("docs/operations.md").contains(creation),
        "docs/operations.md says how to create the Secret: " + creation);
  }

  @Test
  void connectionStringNamesTheReplicaSetMembersTheJobInitiates() {
    Object statefulSet = single("StatefulSet");
    Object mongod = at(statefulSet, "spec", "template", "spec", "containers", 0);
    List<?> args = (List<?>) at(mongod, "args");
    String replicaSet = String.valueOf(args.get(args.indexOf("--replSet") + 1));
    String job = text(single("Job"), "spec", "template", "spec", "containers", 0, "args", 0);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < (int) at(statefulSet, "spec", "replicas"); i++) {
      String member =
          String.format(
              "%s-%d.%s:%s",
              text(statefulSet, "metadata", "name"),
              i,
              text(statefulSet, "spec", "serviceName"),
              text(mongod, "ports", 0, "containerPort"));
      assertTrue(job.contains('"' + member + '"'), "the init Job should add member " + member);
      members.add(member);
    }
    assertTrue(job.contains('"' + replicaSet + '"'), "the init Job should initiate " + replicaSet);
    assertEquals(
        "mongodb://" + String.join(",", members) + "/?replicaSet=" + replicaSet,
        text(single("Secret"), "stringData", "MONGO_URI"),
        "MONGO_URI should name every member of the StatefulSet and its replica set");
  }

  @Test
  void kustomizationListsEveryManifestOfTheDirectory() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.path("kubernetes"))) {
      assertEquals(
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
              .collect(TreeSet::new, Set::add, Set::addAll),
          new TreeSet<>(resources),
          "a manifest left out of kustomization.yaml is never applied");
    }
  }

  private long millis(String name) {
    return Long.parseLong(setting(name));
  }

  /** A setting as the Deployment's pods get it: from the ConfigMap, else the service's default. */
  private String setting(String name) {
    Object value = ((Map<?, ?>) at(configMap(), "data")).get(name);
    return value != null ? String.valueOf(value) : settings.getOrDefault(name, "");
  }

  /** The container's environment variable of that name, as the Deployment sets it. */
  private Object environmentVariable(String name) {
    return ((List<?>) at(container(), "env"))
        .stream()
            .filter(variable -> text(variable, "name").equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the Deployment should set " + name));
  }

  private Object container() {
    return at(single("Deployment"), "spec", "template", "spec", "containers", 0);
  }

  private Object configMap() {
    return named("ConfigMap", text(container(), "envFrom", 0, "configMapRef", "name"));
  }

  private Object single(String kind) {
    List<Object> found = objects.stream().filter(o -> text(o, "kind").equals(kind)).toList();
    assertEquals(1, found.size(), "the manifests should have one " + kind);
    return found.get(0);
  }

  private Object named(String kind, String name) {
    return objects.stream()
        .filter(o -> text(o, "kind").equals(kind) && text(o, "metadata", "name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the manifests should have a " + kind + " " + name));
  }
}
