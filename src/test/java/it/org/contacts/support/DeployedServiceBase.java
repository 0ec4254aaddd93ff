package it.org.contacts.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test that drives the shared server: Arquillian deploys the WAR the
 * build produced to the Liberty that {@link IntegrationTestSession} prepared, before the class's
 * first test, and undeploys it after the last. A test class extends this and talks to the service
 * through {@link Api}; Arquillian finds the inherited {@code @Deployment} method.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedServiceBase {

  /** Black-box: the tests run in the test JVM and reach the service over HTTP only. */
  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }
}
