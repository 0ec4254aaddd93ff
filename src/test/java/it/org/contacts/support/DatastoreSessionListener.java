package it.org.contacts.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test datastore before the first integration test and stops it after the last. Unit
 * test runs, which have no datastore port configured, are left alone.
 */
public class DatastoreSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestDatastore.isConfigured()) {
      TestDatastore.start();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (TestDatastore.isConfigured()) {
      TestDatastore.stop();
    }
  }
}
