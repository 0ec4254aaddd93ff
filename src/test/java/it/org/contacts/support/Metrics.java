package it.org.contacts.support;

/** Values a server exports at /metrics, as Prometheus reads them. */
public final class Metrics {

  private Metrics() {}

  /** The first sample of this metric on that server, 0 when it exports none. */
  public static double value(LibertyServer server, String metric) {
    return firstSample(Api.sendUnchecked(server.request("/metrics").build()).body(), metric);
  }

  /** The first sample of this metric on the shared test server, 0 when it exports none. */
  public static double value(String metric) {
    return firstSample(Api.getUnchecked("/metrics").body(), metric);
  }

  private static double firstSample(String exposition, String metric) {
    return exposition
        .lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }
}
