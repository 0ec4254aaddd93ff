package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MongoReplicaSetTest {

  private final Manifests manifests = new Manifests();
  private final YamlNode statefulSet = manifests.single("StatefulSet");
  private final String serviceName = statefulSet.get("spec", "serviceName").text();
  private final YamlNode mongod =
      statefulSet.get("spec", "template", "spec", "containers").items().get(0);

  @Test
  void statefulSetIsGovernedByAHeadlessServiceOfItsPods() {
    YamlNode service = manifests.named("Service", serviceName);

    assertEquals(
        "None", service.get("spec", "clusterIP").text(), service.path() + " should be headless");
    assertTrue(
        Manifests.selects(
            service.get("spec", "selector"),
            statefulSet.get("spec", "template", "metadata", "labels")),
        service.path() + " should select the StatefulSet's pods");
  }

  @Test
  void connectionStringNamesEveryMemberAndTheReplicaSet() {
    String uri = manifests.single("Secret").get("stringData", "MONGO_URI").text();
    String authority =
        uri.substring("mongodb://".length(), uri.indexOf('/', "mongodb://".length()));

    assertEquals(
        members(), Arrays.asList(authority.split(",")), "MONGO_URI should list " + members());
    assertTrue(
        URI.create(uri.replace(authority, "hosts"))
            .getQuery()
            .contains("replicaSet=" + replicaSet()),
        "MONGO_URI should name the replica set " + replicaSet() + ": " + uri);
  }

  @Test
  void initJobInitiatesTheSameMembersAndReplicaSet() {
    String script =
        manifests
            .single("Job")
            .get("spec", "template", "spec", "containers")
            .items()
            .get(0)
            .get("args")
            .items()
            .get(0)
            .text();

    for (String member : members()) {
      assertTrue(script.contains('"' + member + '"'), "the init Job should add member " + member);
    }
    assertTrue(
        script.contains('"' + replicaSet() + '"'),
        "the init Job should initiate replica set " + replicaSet());
  }

  /** mongodb-0.mongodb:27017 and so on, as the StatefulSet names its pods. */
  private List<String> members() {
    String name = statefulSet.get("metadata", "name").text();
    String port = mongod.get("ports").items().get(0).get("containerPort").text();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < statefulSet.get("spec", "replicas").integer(); i++) {
      members.add(name + "-" + i + "." + serviceName + ":" + port);
    }
    return members;
  }

  private String replicaSet() {
    List<String> args = mongod.get("args").items().stream().map(YamlNode::text).toList();
    int flag = args.indexOf("--replSet");
    assertTrue(flag >= 0 && flag + 1 < args.size(), mongod.path() + " should run --replSet <name>");
    return args.get(flag + 1);
  }
}
