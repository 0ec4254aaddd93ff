package org.contacts.api.http;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.contacts.config.AdmissionSettings;
import org.contacts.config.WebSettings;
import org.contacts.datastore.DatastoreSettings;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Registers the application's servlet filters, in this order, at start-up: {@link
 * ReasonPhraseFilter}, {@link CorsFilter}, {@link MalformedQueryFilter}, then {@link
 * AdmissionFilter} on the contacts routes alone. Filters declared by {@code @WebFilter} alone run
 * in an order the Servlet specification leaves open; filters added here run in the order they are
 * added. And a filter whose feature is off is not added at all, so CORS with no allowed origins, or
 * admission without a limit, costs a request nothing. The whole pipeline, JAX-RS filters included,
 * is listed in the package documentation of {@code org.contacts.api} and in docs/pipeline.md.
 */
@WebListener
public class ServletFilters implements ServletContextListener {

  private static final Metadata REFUSED =
      Metadata.builder()
          .withName("contacts.admission.refused")
          .withDescription(
              "Contacts requests answered 503 \"Service is overloaded\" because they waited in the"
                  + " admission line longer than contacts.admission.queue-timeout-ms")
          .build();

  @Inject WebSettings web;
  @Inject AdmissionSettings admission;
  @Inject DatastoreSettings datastore;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    add(context, "ReasonPhraseFilter", new ReasonPhraseFilter());
    List<String> origins = web.allowedOrigins();
    if (!origins.isEmpty()) {
      add(context, "CorsFilter", new CorsFilter(Set.copyOf(origins)));
    }
    add(context, "MalformedQueryFilter", new MalformedQueryFilter());
    if (admission.limit() > 0) {
      // "/contacts/*" matches /contacts too; a second pattern would run the filter twice.
      add(
          context,
          "AdmissionFilter",
          new AdmissionFilter(
              admission.limit(),
              admission.queueTimeoutMillis(),
              datastore.retryAfterSeconds(),
              registry.counter(REFUSED)::inc),
          "/contacts/*");
    }
  }

  private static void add(ServletContext context, String name, Filter filter) {
    add(context, name, filter, "/*");
  }

  private static void add(ServletContext context, String name, Filter filter, String pattern) {
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, pattern);
  }
}
