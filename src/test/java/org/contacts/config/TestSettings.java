package org.contacts.config;

/** Settings as MicroProfile Config would inject them, for tests that run without a container. */
public final class TestSettings {

  private TestSettings() {}

  public static ContactsSettings contacts(int defaultPageSize, int maxPageSize) {
    ContactsSettings settings = new ContactsSettings();
    settings.defaultPageSize = defaultPageSize;
    settings.maxPageSize = maxPageSize;
    settings.maxBodyBytes = 1_048_576;
    return settings;
  }

  /** Web settings with no CORS origins and no public base URL, as by default. */
  public static WebSettings web() {
    WebSettings settings = new WebSettings();
    settings.allowedOrigins = java.util.Optional.empty();
    settings.publicBaseUrl = java.util.Optional.empty();
    return settings;
  }
}
