package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings for browser front ends and the proxies in front of the service
 * (docs/browser-clients.md).
 */
@ApplicationScoped
public class WebSettings {

  @Inject
  @ConfigProperty(name = "contacts.cors.allowed-origins")
  Optional<List<String>> allowedOrigins;

  @Inject
  @ConfigProperty(name = "contacts.public-base-url")
  Optional<String> publicBaseUrl;

  /** The exact origins, such as http://localhost:4200, that browsers may call the API from. */
  public List<String> allowedOrigins() {
    return allowedOrigins.orElse(List.of()).stream()
        .map(String::strip)
        .filter(origin -> !origin.isEmpty())
        .toList();
  }

  /** The URL clients reach the service at, when a proxy changes it; empty when unset. */
  public Optional<String> publicBaseUrl() {
    return publicBaseUrl.map(String::strip).filter(url -> !url.isEmpty());
  }
}
