package it.org.contacts.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The WAR that the Dockerfile ships holds what production runs and nothing of the development
 * build. An integration test because it reads the WAR, which exists only after the package phase.
 */
class ProductionWarIT {

  /**
   * The driver and its logging, and the vCard and CSV readers and writers of import and export
   * (ez-vcard with vinnie, its parser; Commons CSV with Commons IO, which its reader is built on,
   * and Commons Codec, which the JVM needs to load its format class): the only libraries production
   * needs beside Liberty's own.
   */
  private static final Set<String> PRODUCTION_LIBRARIES =
      Set.of(
          "mongodb-driver-sync",
          "mongodb-driver-core",
          "bson",
          "bson-record-codec",
          "slf4j-api",
          "slf4j-jdk14",
          "ez-vcard",
          "vinnie",
          "commons-csv",
          "commons-io",
          "commons-codec");

  private static final String CLASSES = "WEB-INF/classes/";

  @Test
  void holdsOnlyTheLibrariesProductionNeeds() throws IOException {
    Set<String> libraries = new TreeSet<>();
    for (String entry : entries()) {
      if (entry.startsWith("WEB-INF/lib/") && entry.endsWith(".jar")) {
        String jar = entry.substring("WEB-INF/lib/".length());
        libraries.add(jar.replaceFirst("-\\d[^-]*(-[A-Za-z]+)?\\.jar$", ""));
      }
    }
    assertEquals(
        new TreeSet<>(PRODUCTION_LIBRARIES),
        libraries,
        "WEB-INF/lib of the production WAR; a development library that appears here needs a"
            + " pattern in the packagingExcludes of default-war (pom.xml)");
  }

  @Test
  void holdsTheClassesOfTheMainSourcesAndNoOthers() throws IOException {
    Path mainSources = Path.of(System.getProperty("basedir", "")).resolve("src/main/java");
    List<String> classes =
        entries().stream()
            .filter(entry -> entry.startsWith(CLASSES) && entry.endsWith(".class"))
            .map(entry -> entry.substring(CLASSES.length()))
            .toList();
    assertTrue(
        classes.contains("org/contacts/datastore/MongoProducer.class"),
        () -> "the service's own classes are there: " + classes);
    for (String type : classes) {
      String source = type.replaceFirst("(\\$.*)?\\.class$", ".java");
      assertTrue(
          Files.exists(mainSources.resolve(source)),
          () ->
              type
                  + " has no source in src/main/java: development code (src/dev/java) or a stale"
                  + " class must stay out of the production WAR (packagingExcludes of default-war"
                  + " in pom.xml; mvn clean for a stale one)");
    }
  }

  private static List<String> entries() throws IOException {
    String war = System.getProperty("contacts.war");
    assertNotNull(war, "the build names the production WAR (contacts.war)");
    try (ZipFile zip = new ZipFile(war)) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }
}
