package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContactsSecurityTest {

  /** Where Liberty writes in the Open Liberty image (see the comment in the Deployment). */
  private static final List<String> LIBERTY_WRITES =
      List.of(
          "/logs",
          "/opt/ol/wlp/output",
          "/opt/ol/wlp/usr/servers/defaultServer/apps/expanded",
          "/tmp");

  private final YamlNode podSpec =
      new Manifests().single("Deployment").get("spec", "template", "spec");
  private final YamlNode container = podSpec.get("containers").items().get(0);

  @Test
  void runsAsTheImagesNonRootUserWithoutPrivileges() {
    YamlNode pod = podSpec.get("securityContext");
    YamlNode own = container.get("securityContext");

    assertEquals("true", pod.get("runAsNonRoot").text(), pod.path() + ".runAsNonRoot");
    assertEquals(1001, pod.get("runAsUser").integer(), pod.path() + ".runAsUser should be 1001");
    assertEquals(
        "false",
        own.get("allowPrivilegeEscalation").text(),
        own.path() + ".allowPrivilegeEscalation");
    assertEquals(
        List.of("ALL"),
        own.get("capabilities", "drop").items().stream().map(YamlNode::text).toList(),
        own.path() + " should drop all capabilities");
  }

  @Test
  void readOnlyRootFilesystemLeavesLibertyAVolumeWhereverItWrites() {
    assertEquals(
        "true",
        container.get("securityContext", "readOnlyRootFilesystem").text(),
        container.path() + " should have a read-only root filesystem");
    Set<String> volumes = names(podSpec.get("volumes").items());
    List<YamlNode> mounts = container.get("volumeMounts").items();
    Set<String> mounted =
        mounts.stream().map(m -> m.get("mountPath").text()).collect(Collectors.toSet());

    for (String path : LIBERTY_WRITES) {
      assertTrue(mounted.contains(path), container.path() + " should mount a volume at " + path);
    }
    for (YamlNode mount : mounts) {
      assertTrue(
          volumes.contains(mount.get("name").text()),
          mount.path() + " should name a volume of the pod: " + volumes);
    }
  }

  private static Set<String> names(List<YamlNode> nodes) {
    return nodes.stream().map(n -> n.get("name").text()).collect(Collectors.toSet());
  }
}
