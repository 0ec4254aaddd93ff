package org.contacts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.contacts.PlainThreads;
import org.junit.jupiter.api.Test;

/** Request threads hand their lines over; every line is written once, none is lost. */
class RequestLogWriterTest {

  private final List<String> written = Collections.synchronizedList(new ArrayList<>());

  private static RequestLogWriter.Line line(int n) {
    return new RequestLogWriter.Line("GET /contacts/" + n + " 200", "req-" + n, null);
  }

  @Test
  void everyLineHandedOverIsWrittenOnceByTheTimeTheApplicationStops() throws Exception {
    RequestLogWriter writer = new RequestLogWriter(64, line -> written.add(line.text()));
    writer.threads = PlainThreads.daemons();
    writer.start();
    List<Thread> requests =
        IntStream.range(0, 4)
            .mapToObj(
                t ->
                    new Thread(
                        () ->
                            IntStream.range(0, 500).forEach(n -> writer.write(line(t * 500 + n)))))
            .toList();
    requests.forEach(Thread::start);
    for (Thread request : requests) {
      request.join();
    }
    writer.stop();
    assertEquals(2000, written.size(), "every request's line is written");
    assertEquals(2000, written.stream().distinct().count(), "and none twice");
  }

  @Test
  void aRequestThreadWritesItsOwnLineWhenTheQueueIsFull() {
    RequestLogWriter writer = new RequestLogWriter(1, line -> written.add(line.text()));
    writer.write(line(1));
    writer.write(line(2));
    assertEquals(
        List.of("GET /contacts/2 200"), written, "the line that found no room is written at once");
    writer.stop();
    assertEquals(
        List.of("GET /contacts/2 200", "GET /contacts/1 200"),
        written,
        "the queued line is written when the application stops");
  }

  @Test
  void linesOfOneRequestThreadKeepTheirOrder() throws Exception {
    RequestLogWriter writer = new RequestLogWriter(1000, line -> written.add(line.text()));
    writer.threads = PlainThreads.daemons();
    writer.start();
    IntStream.range(0, 300).forEach(n -> writer.write(line(n)));
    writer.stop();
    assertEquals(
        IntStream.range(0, 300).mapToObj(n -> "GET /contacts/" + n + " 200").toList(),
        written,
        "one thread's lines come out in the order it handed them over");
  }
}
