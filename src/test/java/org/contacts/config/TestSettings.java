package org.contacts.config;

import java.util.List;

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
    return web(new String[0]);
  }

  /** Web settings that allow these CORS origins (none: CORS off). */
  public static WebSettings web(String... origins) {
    WebSettings settings = new WebSettings();
    settings.allowedOrigins =
        origins.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(List.of(origins));
    settings.publicBaseUrl = java.util.Optional.empty();
    return settings;
  }

  /** Admission settings: so many requests at work per processor, waiting this long in line. */
  public static AdmissionSettings admission(int perProcessor, long queueTimeoutMillis) {
    AdmissionSettings settings = new AdmissionSettings();
    settings.perProcessor = perProcessor;
    settings.queueTimeoutMillis = queueTimeoutMillis;
    return settings;
  }
}
