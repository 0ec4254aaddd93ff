package org.contacts.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.contacts.api.auth.OpenRoute;
import org.contacts.api.http.BaseUri;
import org.contacts.config.BuildInfo;
import org.contacts.config.WebSettings;
import org.contacts.health.MongoReadinessCheck;
import org.contacts.health.ProcessLivenessCheck;
import org.contacts.jsonapi.Documents;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.JsonBuilders;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The original service's probe routes, kept for its deployments. They answer from the same checks
 * as MicroProfile Health's /health/live and /health/ready, as JSON:API documents.
 */
@OpenRoute
@Path("")
public class HealthResource {

  private static final String HOST = hostName();

  @Inject @Liveness ProcessLivenessCheck liveness;
  @Inject @Readiness MongoReadinessCheck readiness;
  @Inject WebSettings web;

  @Context UriInfo uriInfo;

  @GET
  @Path("liveness")
  public Response liveness() {
    HealthCheckResponse check = liveness.call();
    boolean up = check.getStatus() == HealthCheckResponse.Status.UP;
    var attributes = JsonBuilders.object().add("status", check.getStatus().name());
    check
        .getData()
        .ifPresent(
            data -> data.forEach((key, value) -> attributes.add(key, String.valueOf(value))));
    return respond(
        up, Documents.resource(base(), "liveness", HOST, "/liveness", attributes.build()));
  }

  @GET
  @Path("readiness")
  public Response readiness() {
    HealthCheckResponse check = readiness.call();
    boolean up = check.getStatus() == HealthCheckResponse.Status.UP;
    var attributes =
        JsonBuilders.object()
            .add("status", check.getStatus().name())
            .add("mongodb", check.getStatus().name());
    Map<String, Object> data = check.getData().orElse(Map.of());
    if (data.get(MongoReadinessCheck.PING_MICROS) instanceof Number micros) {
      attributes.add("mongodbPingDurationMicros", micros.longValue());
    }
    if (data.get(MongoReadinessCheck.REASON) != null) {
      attributes.add("reason", String.valueOf(data.get(MongoReadinessCheck.REASON)));
    }
    return respond(
        up, Documents.resource(base(), "readiness", HOST, "/readiness", attributes.build()));
  }

  @GET
  @Path("ping")
  public Response ping() {
    BuildInfo build = BuildInfo.current();
    JsonObject attributes =
        JsonBuilders.object()
            .add("service", BuildInfo.SERVICE_NAME)
            .add("version", build.version())
            .add("commit", build.commit())
            .add("buildTime", build.buildTime())
            .add("host", HOST)
            .build();
    return respond(true, Documents.resource(base(), "ping", HOST, "/ping", attributes));
  }

  private String base() {
    return BaseUri.of(web, uriInfo);
  }

  private static Response respond(boolean up, JsonObject document) {
    return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(document)
        .type(JsonApi.CONTENT_TYPE)
        .build();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
