package org.contacts.priming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.contacts.api.InProcessReads;
import org.contacts.config.SecuritySettings;
import org.contacts.controller.ContactException;
import org.contacts.priming.LoopbackHttp.Request;

/**
 * What priming repeats: in none mode the open API over HTTP, for the contacts it finds through the
 * first page; in jwt mode the requests that must be refused with 401, and reads in the process.
 */
@ApplicationScoped
public class PrimingSteps {

  private static final String NO_CONTACT = "000000000000000000000000";

  @Inject InProcessReads reads;

  List<PrimingRun.Step> of(SecuritySettings.Mode mode, PrimingRun run, PrimingTraffic traffic)
      throws IOException, PrimingRun.PrimingFailure {
    if (mode == SecuritySettings.Mode.NONE) {
      return http(traffic, openApiRequests(run, traffic), false);
    }
    List<PrimingRun.Step> steps = new ArrayList<>(http(traffic, traffic.refusedRequests(), true));
    List<String> ids = readInProcess(reads::firstPageIds);
    run.counted();
    for (int query = 0; query < reads.pageQueries(); query++) {
      int chosen = query;
      steps.add(() -> runInProcess(() -> reads.page(chosen)));
    }
    for (String id : ids == null ? List.<String>of() : ids) {
      steps.add(() -> runInProcess(() -> reads.contact(id)));
    }
    steps.add(() -> runInProcess(() -> reads.contact(NO_CONTACT)));
    return steps;
  }

  /** Finds contacts to read through the first page, their tags, and a cursor page's next link. */
  private static List<Request> openApiRequests(PrimingRun run, PrimingTraffic traffic)
      throws IOException, PrimingRun.PrimingFailure {
    List<PrimingTraffic.Target> targets = new ArrayList<>();
    for (String id : ids(run.discover(traffic, traffic.firstPage()).body())) {
      targets.add(new PrimingTraffic.Target(id, run.discover(traffic, traffic.contact(id)).tag()));
    }
    String next = nextLink(run.discover(traffic, traffic.cursorPage()).body());
    return traffic.openApiRequests(targets, next);
  }

  private static List<PrimingRun.Step> http(
      PrimingTraffic traffic, List<Request> requests, boolean mustBeRefused) {
    List<PrimingRun.Step> steps = new ArrayList<>();
    for (Request request : requests) {
      steps.add(
          () -> {
            int status = traffic.send(request).status();
            PrimingRun.checkStatus(request, status);
            if (mustBeRefused && status != 401) {
              throw new PrimingRun.PrimingFailure(
                  request.describe() + " without a token answered " + status);
            }
          });
    }
    return steps;
  }

  /** A read in the process: a refusal of the domain is part of what it warms, anything else not. */
  private static <T> T readInProcess(Supplier<T> read) throws PrimingRun.PrimingFailure {
    try {
      return read.get();
    } catch (ContactException refused) {
      return null;
    } catch (RuntimeException e) {
      throw new PrimingRun.PrimingFailure(
          "the datastore did not answer a read in the process ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static void runInProcess(Runnable read) throws PrimingRun.PrimingFailure {
    readInProcess(
        () -> {
          read.run();
          return null;
        });
  }

  /** The ids on a page document; none when it is not one. */
  static List<String> ids(String page) {
    List<String> ids = new ArrayList<>();
    if (parse(page) instanceof JsonObject document
        && document.get("data") instanceof JsonArray data) {
      for (JsonValue resource : data) {
        if (resource instanceof JsonObject object && object.get("id") instanceof JsonString id) {
          ids.add(id.getString());
        }
      }
    }
    return ids;
  }

  /** The path and query of a page document's next link, or null when it has none. */
  static String nextLink(String page) {
    if (parse(page) instanceof JsonObject document
        && document.get("links") instanceof JsonObject links
        && links.get("next") instanceof JsonString next) {
      URI uri = URI.create(next.getString());
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
    return null;
  }

  private static JsonValue parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
