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
import org.contacts.config.WebSettings;

/**
 * Registers the application's servlet filters, in this order, at start-up: {@link
 * ReasonPhraseFilter}, {@link CorsFilter}, then {@link MalformedQueryFilter}. Filters declared by
 * {@code @WebFilter} alone run in an order the Servlet specification leaves open; filters added
 * here run in the order they are added. And a filter whose feature is off is not added at all, so
 * CORS with no allowed origins costs a request nothing. The whole pipeline, JAX-RS filters
 * included, is listed in the package documentation of {@code org.contacts.api} and in
 * docs/pipeline.md.
 */
@WebListener
public class ServletFilters implements ServletContextListener {

  @Inject WebSettings web;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    add(context, "ReasonPhraseFilter", new ReasonPhraseFilter());
    List<String> origins = web.allowedOrigins();
    if (!origins.isEmpty()) {
      add(context, "CorsFilter", new CorsFilter(Set.copyOf(origins)));
    }
    add(context, "MalformedQueryFilter", new MalformedQueryFilter());
  }

  private static void add(ServletContext context, String name, Filter filter) {
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
