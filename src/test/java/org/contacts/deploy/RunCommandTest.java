package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The run command's server (liberty:run) against the settings the service reads. */
class RunCommandTest {

  /**
   * liberty.env.* properties become the development server's server.env, which Liberty's server
   * script lets override the environment, and liberty.var.* become server.xml variables, which
   * MicroProfile Config ranks above it. Either would pin a setting against an operator's export.
   */
  @Test
  void developmentServerPinsNoSettingTheEnvironmentShouldDecide() {
    Matcher property =
        Pattern.compile("<liberty\\.(env|var)\\.([^>]+)>").matcher(ProjectFiles.read("pom.xml"));
    Set<String> settings = ProjectFiles.settings().keySet();
    assertTrue(settings.contains("CONTACTS_AUTH_MODE"), () -> "the settings read: " + settings);
    while (property.find()) {
      String name = ProjectFiles.environmentName(property.group(2));
      assertFalse(
          settings.contains(name),
          () ->
              "pom.xml pins "
                  + name
                  + " for liberty:run; give the development default in"
                  + " org.contacts.development.DevelopmentDefaults instead");
    }
  }
}
