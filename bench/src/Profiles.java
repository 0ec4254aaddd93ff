package bench;

import static bench.Settings.OUT;
import static bench.Settings.WINDOW;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JFR over one window of load at 128 connections, summed up by bench/JfrTopFrames.java. */
final class Profiles {

  /** Each profile's share of CPU samples with authentication on the stack, by workload. */
  static final Map<String, Double> AUTHENTICATION_SHARE = new HashMap<>();

  private Profiles() {}

  static void profile(Service service, String workload, String script, String... scriptArgs) throws Exception {
    Path jfr = OUT.resolve(workload.replaceAll("\\W+", "-").toLowerCase() + ".jfr");
    String jcmd = Shell.jdkTool(service.pid, "jcmd").toString();
    Shell.run(List.of(jcmd, Long.toString(service.pid), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr),
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
}
