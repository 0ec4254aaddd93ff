package it.org.contacts.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests share before the first of them runs: the test datastore
 * (embedded in this JVM, or a real MongoDB where {@link TestDatastore#SWITCH} asks for one) and the
 * Liberty server Arquillian starts, configured to use it. Unit test runs, which have no datastore
 * port configured, are left alone.
 */
public class IntegrationTestSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestDatastore.isConfigured()) {
      TestDatastore.startForSession();
      LibertyServer.create(
          System.getProperty("it.server.name"),
          Integer.parseInt(System.getProperty("it.http.port")),
          // Open, as the run command serves it: the contract tests are the original clients'.
          // Not primed, as the run command starts it; imports are bounded low, so that a test can
          // go past the bounds cheaply; a 10 s datastore deadline: these tests check behaviour,
          // not timing, and on a loaded build machine the embedded datastore in this JVM can take
          // longer than the 2 s default (SlowDatastoreIT checks the deadline on a server of its
          // own). A bulkhead of 16: the embedded datastore serves one operation at a time, so
          // 64 requests waiting on it (the default, sized for MongoDB) wait seconds each under
          // LoadIT's 200 clients, and the rest are shed anyway (docs/operations.md). The cursor
          // key is the one of every other server the tests start.
          "-Dmongo.uri="
              + TestDatastore.connectionString()
              + "\n-Dcontacts.auth.mode=none\n-Dcontacts.priming.enabled=false\n"
              + "-Dmongo.timeout-ms=10000\n"
              + "-Dmongo.max-concurrent-requests=16\n"
              + "-Dcontacts.changes.cursor-key="
              + LibertyServer.CURSOR_KEY
              + "\n"
              + "-Dcontacts.import.max-records=1000\n"
              + "-Dcontacts.import.max-body-bytes=4194304\n",
          null);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (TestDatastore.isConfigured()) {
      TestDatastore.stopForSession();
    }
  }
}
