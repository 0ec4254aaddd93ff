package bench;

import static bench.Settings.OUT;
import static bench.Settings.WINDOW;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JFR over one window of load at 128 connections, summed up by bench/JfrTopFrames.java. JFR's
 * "profile" settings sample running Java code every 10 ms, which gave some 150 samples in a
 * window, too few to tell a share of a few percent from another; the recording here samples every
 * millisecond.
 */
final class Profiles {

  /** Each profile's share of CPU samples with authentication on the stack, by workload. */
  static final Map<String, Double> AUTHENTICATION_SHARE = new HashMap<>();

  private Profiles() {}

  static void profile(Service service, String workload, String script, String... scriptArgs) throws Exception {
    Path jfr = OUT.resolve(workload.replaceAll("\\W+", "-").toLowerCase() + ".jfr");
    String jcmd = Shell.jdkTool(service.pid, "jcmd").toString();
    Shell.run(List.of(jcmd, Long.toString(service.pid), "JFR.start", "name=bench", "settings=" + everyMillisecond(jcmd), "filename=" + jfr),
        OUT.resolve("jcmd.log"));
    Load.wrk(service.url(), 128, WINDOW, List.of(), script, List.of(scriptArgs));
    Shell.run(List.of(jcmd, Long.toString(service.pid), "JFR.stop", "name=bench"), OUT.resolve("jcmd.log"));
    Report.say("\n### Where the CPU goes: %s, 128 connections, JFR over %d s\n", workload, WINDOW);
    String summed = Shell.output(List.of(Shell.jdkTool(service.pid, "java").toString(), "bench/JfrTopFrames.java", jfr.toString(), "8"));
    Report.say("```\n%s```", summed);
    Matcher share = Pattern.compile("authentication on the stack: ([\\d.]+)%").matcher(summed);
    if (share.find()) {
      AUTHENTICATION_SHARE.put(workload, Double.parseDouble(share.group(1)));
    }
  }

  /** The service JDK's "profile" settings with Java code sampled every millisecond, written once. */
  private static Path everyMillisecond(String jcmd) throws IOException {
    Path settings = OUT.resolve("profile-1ms.jfc");
    if (!Files.exists(settings)) {
      Path profile = Path.of(jcmd).getParent().resolveSibling("lib/jfr/profile.jfc");
      String sampled = Files.readString(profile).replaceFirst(
          "(?<setting>control=\"method-sampling-java-interval\">)[^<]*<", "${setting}1 ms<");
      Shell.check(!sampled.equals(Files.readString(profile)), "no method-sampling interval in " + profile);
      Files.writeString(settings, sampled);
    }
    return settings;
  }
}
