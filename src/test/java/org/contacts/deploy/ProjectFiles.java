package org.contacts.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the deployment tests read them, relative to the project root. */
final class ProjectFiles {

  private ProjectFiles() {}

  static Path root() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    Path file = path(relative);
    assertTrue(Files.isRegularFile(file), relative + " should exist");
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static YamlNode yaml(String relative) {
    return YamlNode.root(parser().load(read(relative)), relative);
  }

  /** Every document of a multi-document YAML file. */
  static List<YamlNode> yamlDocuments(String relative) {
    List<YamlNode> documents = new ArrayList<>();
    for (Object document : parser().loadAll(read(relative))) {
      if (document != null) {
        String source =
            documents.isEmpty()
                ? relative
                : relative + " (document " + (documents.size() + 1) + ")";
        documents.add(YamlNode.root(document, source));
      }
    }
    return documents;
  }

  private static Yaml parser() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  static Document xml(String relative) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(path(relative).toFile());
    } catch (Exception e) {
      return fail(relative + " should be well-formed XML", e);
    }
  }

  /** A property of pom.xml's {@code <properties>}. */
  static String pomProperty(String name) {
    return childText(xml("pom.xml").getDocumentElement(), "properties", name);
  }

  /** The WAR's path as {@code mvn package} writes it: target/{finalName}.war. */
  static String warPath() {
    return "target/"
        + childText(xml("pom.xml").getDocumentElement(), "build", "finalName")
        + ".war";
  }

  private static String childText(Element element, String... names) {
    Element current = element;
    for (String name : names) {
      current = child(current, name);
      if (current == null) {
        return fail("pom.xml should have " + String.join("/", names));
      }
    }
    return current.getTextContent().trim();
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
