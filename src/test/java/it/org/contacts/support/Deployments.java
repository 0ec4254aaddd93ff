package it.org.contacts.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the integration tests deploy: the WAR the build produced, exactly as it ships. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("contacts.war"));
    return ShrinkWrap.create(ZipImporter.class, war.getName()).importFrom(war).as(WebArchive.class);
  }
}
