package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the deployment files must agree with in Liberty's server.xml. */
final class ServerConfig {

  static final String FILE = "src/main/liberty/config/server.xml";

  private final Document server = ProjectFiles.xml(FILE);

  /** The default of {@code <variable name="http.port">}, the port the endpoint listens on. */
  int httpPort() {
    NodeList variables = server.getElementsByTagName("variable");
    for (int i = 0; i < variables.getLength(); i++) {
      Element variable = (Element) variables.item(i);
      if (variable.getAttribute("name").equals("http.port")) {
        return Integer.parseInt(variable.getAttribute("defaultValue"));
      }
    }
    return fail(FILE + " should declare the variable http.port with a defaultValue");
  }

  List<String> features() {
    List<String> features = new ArrayList<>();
    NodeList elements = server.getElementsByTagName("feature");
    for (int i = 0; i < elements.getLength(); i++) {
      features.add(elements.item(i).getTextContent().trim());
    }
    return features;
  }

  boolean enablesFeature(String name) {
    return features().stream().anyMatch(feature -> feature.startsWith(name + "-"));
  }

  /** Whether an application is declared, as one copied into apps/ (not dropins/) needs. */
  boolean declaresApplication() {
    return server.getElementsByTagName("webApplication").getLength()
            + server.getElementsByTagName("application").getLength()
        > 0;
  }
}
