import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up a JFR recording of the service under load: where the CPU samples fall (by component,
 * by hottest method, and by method including its callees) and which monitors threads waited on.
 *
 * <p>Usage: {@code java bench/JfrTopFrames.java <recording.jfr> [top]}
 */
public class JfrTopFrames {

  /** Components by package prefix, most specific first; a sample goes to its innermost match. */
  private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put("org.h2.", "embedded datastore storage (H2 MVStore)");
    COMPONENTS.put("de.bwaldvogel.", "embedded datastore (mongo-java-server)");
    COMPONENTS.put("io.netty.", "embedded datastore network (Netty)");
    COMPONENTS.put("com.mongodb.", "MongoDB driver");
    COMPONENTS.put("org.bson.", "MongoDB driver (BSON)");
    COMPONENTS.put("org.contacts.", "service code");
    COMPONENTS.put("org.eclipse.parsson.", "JSON-P (Parsson)");
    COMPONENTS.put("org.glassfish.json.", "JSON-P");
    COMPONENTS.put("jakarta.json.", "JSON-P");
    COMPONENTS.put("java.util.logging.", "logging");
    COMPONENTS.put("com.ibm.ws.logging.", "logging");
    COMPONENTS.put("com.ibm.ejs.ras.", "logging");
    COMPONENTS.put("com.ibm.ws.microprofile.metrics", "metrics");
    COMPONENTS.put("io.openliberty.microprofile.metrics", "metrics");
    COMPONENTS.put("io.smallrye.metrics", "metrics");
    COMPONENTS.put("io.openliberty.http.monitor.", "HTTP metrics (mpMetrics)");
    COMPONENTS.put("org.jboss.resteasy.", "JAX-RS (RESTEasy)");
    COMPONENTS.put("io.openliberty.org.jboss.resteasy", "JAX-RS (RESTEasy)");
    COMPONENTS.put("io.openliberty.restfulWS", "JAX-RS (RESTEasy)");
    COMPONENTS.put("org.jboss.weld.", "CDI (Weld)");
    COMPONENTS.put("com.ibm.ws.cdi", "CDI (Weld)");
    COMPONENTS.put("com.ibm.ws.webcontainer", "servlet container");
    COMPONENTS.put("com.ibm.ws.http", "HTTP channel");
    COMPONENTS.put("com.ibm.ws.tcpchannel", "TCP channel");
    COMPONENTS.put("com.ibm.ws.channelfw", "TCP channel");
    COMPONENTS.put("com.ibm.io.async", "TCP channel");
    COMPONENTS.put("com.ibm.ws.threading", "Liberty thread pool");
    COMPONENTS.put("sun.nio.", "JDK I/O");
    COMPONENTS.put("java.nio.", "JDK I/O");
    COMPONENTS.put("java.util.regex.", "JDK regex");
  }

  /** Frames of bearer-token authentication: Liberty's security and the service's filter and cache. */
  private static final List<String> AUTHENTICATION =
      List.of("com.ibm.ws.security.", "io.openliberty.security.", "com.ibm.ws.webcontainer.security.",
          "org.contacts.api.auth.BearerTokenFilter", "org.contacts.api.auth.VerifiedTokens");

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Integer> leaf = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> components = new HashMap<>();
    Map<String, long[]> monitors = new HashMap<>();
    int samples = 0;
    int authenticating = 0;
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        String type = event.getEventType().getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
          samples++;
          List<RecordedFrame> frames = stack.getFrames();
          leaf.merge(name(frames.get(0)) + caller(frames), 1, Integer::sum);
          Set<String> seen = new HashSet<>();
          String component = null;
          boolean authentication = false;
          for (RecordedFrame frame : frames) {
            String method = name(frame);
            authentication |= AUTHENTICATION.stream().anyMatch(method::startsWith);
            if (seen.add(method)) {
              inclusive.merge(method, 1, Integer::sum);
            }
            if (component == null) {
              component = component(method);
            }
          }
          components.merge(component == null ? "other (JDK, Liberty kernel)" : component, 1, Integer::sum);
          if (authentication) {
            authenticating++;
          }
        } else if (type.equals("jdk.JavaMonitorEnter")) {
          String monitor = event.getClass("monitorClass") == null ? "?" : event.getClass("monitorClass").getName();
          String where = stack == null || stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
          long[] sum = monitors.computeIfAbsent(monitor + " at " + where, key -> new long[2]);
          sum[0]++;
          sum[1] += event.getDuration().toNanos();
        }
      }
    }
    System.out.printf("CPU samples: %d%n", samples);
    System.out.printf("Samples with authentication on the stack: %.1f%%%n", 100.0 * authenticating / Math.max(1, samples));
    print("By component (innermost known frame)", components, samples, top);
    print("Hottest methods (self time; for JDK methods, the innermost caller outside the JDK)", leaf, samples, top);
    Map<String, Integer> callers = new HashMap<>();
    for (Map.Entry<String, Integer> method : inclusive.entrySet()) {
      if (method.getValue() < samples * 0.97) {
        callers.put(method.getKey(), method.getValue());
      }
    }
    print("Methods with their callees (total), leaving out the always-present frames", callers, samples, top);
    Map<String, Integer> service = new HashMap<>();
    for (Map.Entry<String, Integer> method : inclusive.entrySet()) {
      if (method.getKey().startsWith("org.contacts.") || method.getKey().startsWith("jakarta.json.spi.JsonProvider.provider")) {
        service.put(method.getKey(), method.getValue());
      }
    }
    print("Service code with its callees (total)", service, samples, top);
    if (!monitors.isEmpty()) {
      System.out.println("\nContended monitors (jdk.JavaMonitorEnter, waits above the recording's threshold):");
      List<Map.Entry<String, long[]>> sorted = new ArrayList<>(monitors.entrySet());
      sorted.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
      for (Map.Entry<String, long[]> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
        System.out.printf("  %8d waits %10.1f ms total  %s%n", entry.getValue()[0], entry.getValue()[1] / 1e6, entry.getKey());
      }
    }
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  /** The innermost frame outside the JDK, for a sample whose own frame is in the JDK. */
  private static String caller(List<RecordedFrame> frames) {
    if (!isJdk(name(frames.get(0)))) {
      return "";
    }
    for (RecordedFrame frame : frames) {
      String method = name(frame);
      if (!isJdk(method)) {
        return "  <- " + method;
      }
    }
    return "";
  }

  private static boolean isJdk(String method) {
    return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.");
  }

  private static String component(String method) {
    for (Map.Entry<String, String> component : COMPONENTS.entrySet()) {
      if (method.startsWith(component.getKey())) {
        return component.getValue();
      }
    }
    return null;
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.printf("%n%s:%n", title);
    counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
  }
}
