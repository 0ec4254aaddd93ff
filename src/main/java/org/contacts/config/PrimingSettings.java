package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the priming that warms the service before readiness (docs/operations.md): whether it
 * runs, its bound, and when its rate counts as levelled off.
 */
@ApplicationScoped
public class PrimingSettings {

  @Inject
  @ConfigProperty(name = "contacts.priming.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "contacts.priming.max-duration-ms", defaultValue = "15000")
  long maxDurationMillis;

  @Inject
  @ConfigProperty(name = "contacts.priming.window-ms", defaultValue = "1000")
  long windowMillis;

  @Inject
  @ConfigProperty(name = "contacts.priming.steady-windows", defaultValue = "3")
  int steadyWindows;

  @Inject
  @ConfigProperty(name = "contacts.priming.tolerance", defaultValue = "0.05")
  double tolerance;

  @Inject
  @ConfigProperty(name = "contacts.priming.quiet-compiling-share", defaultValue = "0.25")
  double quietCompilingShare;

  @Inject
  @ConfigProperty(name = "contacts.priming.drain-ms", defaultValue = "4000")
  long drainMillis;

  @Inject
  @ConfigProperty(name = "contacts.priming.connections", defaultValue = "4")
  int connections;

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "9080")
  int httpPort;

  public boolean enabled() {
    return enabled;
  }

  /** The bound: priming stops this long after it began, levelled off or not. */
  public long maxDurationMillis() {
    return maxDurationMillis;
  }

  /** The length of one window over which the rate is measured. */
  public long windowMillis() {
    return windowMillis;
  }

  /** How many windows in a row must bring no new best rate for the rate to have levelled off. */
  public int steadyWindows() {
    return steadyWindows;
  }

  /** How much better than the best so far a window's rate must be to count as a new best. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * The most of a window the JIT compiler may spend compiling, summed over its threads, for the
   * window to count as steady: a plateau while it compiles is a wait for compiled code.
   */
  public double quietCompilingShare() {
    return quietCompilingShare;
  }

  /**
   * The last part of the bound in which priming sends nothing and waits for the JIT compiler to
   * finish what its requests queued; 0 sends until the bound.
   */
  public long drainMillis() {
    return drainMillis;
  }

  /** How many requests priming keeps in flight at once. */
  public int connections() {
    return connections;
  }

  /** The port of the HTTP listener that priming calls on loopback (server.xml's http.port). */
  public int httpPort() {
    return httpPort;
  }
}
