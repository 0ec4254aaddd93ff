package org.contacts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the contacts API; each key can also be given as an environment variable. */
@ApplicationScoped
public class ContactsSettings {

  @Inject
  @ConfigProperty(name = "contacts.page.default-size", defaultValue = "20")
  int defaultPageSize;

  @Inject
  @ConfigProperty(name = "contacts.page.max-size", defaultValue = "100")
  int maxPageSize;

  @Inject
  @ConfigProperty(name = "contacts.request.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  public int defaultPageSize() {
    return defaultPageSize;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
