package it.org.contacts.changes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of the live change stream: it reads Server-Sent Events on a thread of its own and hands
 * them over in order. Comments count as events without data, so that a test can wait for the
 * stream's first comment, which the service sends once the client is subscribed.
 */
final class LiveClient implements AutoCloseable {

  /** One event: its id, its data as JSON (null for a comment), or the comment's text. */
  record Event(String id, JsonObject data, String comment) {}

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  private LiveClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "live-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream at this URI with these extra headers (name, value pairs). */
  static LiveClient open(URI uri, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return new LiveClient(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the live stream at " + uri, e);
    }
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The next event or comment, or an AssertionError when none came in time. */
  Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /** The next event with data (comments are skipped). */
  Event nextChange(Duration timeout) throws InterruptedException {
    Event event;
    do {
      event = next(timeout);
    } while (event.data() == null);
    return event;
  }

  /** The changes of one contact, in order, until its deletion (inclusive). */
  List<Event> changesUntilDeleted(String id, Duration timeout) throws InterruptedException {
    List<Event> changes = new ArrayList<>();
    while (true) {
      Event event = nextChange(timeout);
      if (event.data().getString("id").equals(id)) {
        changes.add(event);
        JsonObject meta = event.data().getJsonObject("meta");
        if (meta.getBoolean("deleted", false)) {
          return changes;
        }
      }
    }
  }

  /** Waits for the first comment: the service has subscribed this client. */
  LiveClient awaitSubscribed(Duration timeout) throws InterruptedException {
    Event event = next(timeout);
    if (event.comment() == null) {
      throw new AssertionError("expected the stream's first comment, got " + event);
    }
    return this;
  }

  private void read() {
    String id = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, parse(data.toString()), null));
          }
          id = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          events.add(new Event(null, null, line.substring(1).trim()));
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream, or the service did
    }
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return Json.createObjectBuilder(Map.of("unparsed", json)).build();
    }
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
