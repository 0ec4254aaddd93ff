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
      return http(run, traffic, openApiRequests(run, traffic), false);
    }
    List<PrimingRun.Step> steps =
        new ArrayList<>(http(run, traffic, traffic.refusedRequests(), true));
    List<String> ids = run.discoverInProcess(reads::firstPageIds);
    for (int query = 0; query < reads.pageQueries(); query++) {
      int chosen = query;
      steps.add(() -> runInProcess(run, () -> reads.page(chosen)));
    }
    for (String id : ids == null ? List.<String>of() : ids) {
      steps.add(() -> runInProcess(run, () -> reads.contact(id)));
    }
    steps.add(() -> runInProcess(run, () -> reads.contact(NO_CONTACT)));
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
      PrimingRun run, PrimingTraffic traffic, List<Request> requests, boolean mustBeRefused) {
    List<PrimingRun.Step> steps = new ArrayList<>();
    for (Request request : requests) {
      steps.add(
          () -> {
            LoopbackHttp.Answer answer = traffic.send(request);
            if (run.served(request, answer) && mustBeRefused && answer.status() != 401) {
              throw new PrimingRun.PrimingFailure(
                  request.describe() + " without a token answered " + answer.status());
            }
          });
    }
    return steps;
  }

  /**
   * A read in the process: a refusal of the domain is part of what it warms, and a busy service's
   * refusal is ridden out; anything else ends priming.
   */
  private static void runInProcess(PrimingRun run, Runnable read) throws PrimingRun.PrimingFailure {
    try {
      read.run();
    } catch (ContactException refused) {
      // as the route would answer it: warmed all the same
    } catch (RuntimeException e) {
      run.readFailed(e);
    }
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

  /** A string member of the first error object of an errors document, or null. */
  static String firstError(String body, String member) {
    if (parse(body) instanceof JsonObject document
        && document.get("errors") instanceof JsonArray errors
        && !errors.isEmpty()
        && errors.get(0) instanceof JsonObject error
        && error.get(member) instanceof JsonString value) {
      return value.getString();
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
