package org.contacts.telemetry;

import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes the request log lines from a thread of its own. Liberty writes every log record of the
 * server under one lock; when each request thread wrote its own line, that lock was the most
 * contended monitor under load, and a thread that the scheduler paused while holding it held up
 * every other (BENCHMARKS.md). A request thread now hands its line over and goes on. When the
 * hand-over queue is full, the request thread writes the line itself: under a flood the log slows
 * the requests down as it used to, but no line is lost.
 */
@ApplicationScoped
public class RequestLogWriter {

  /** About two seconds of lines at the highest rate measured on the development machine. */
  static final int CAPACITY = 8192;

  /** A request's line, with the ids that the JSON log format shows as fields. */
  record Line(String text, String requestId, SpanContext trace) {}

  private final BlockingQueue<Line> queue;
  private final Consumer<Line> log;

  @Resource ManagedThreadFactory threads;

  private volatile boolean running = true;
  private Thread writer;

  public RequestLogWriter() {
    this(CAPACITY, RequestLogWriter::log);
  }

  RequestLogWriter(int capacity, Consumer<Line> log) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.log = log;
  }

  @PostConstruct
  void start() {
    writer = threads.newThread(this::drain);
    writer.setName("contacts-request-log");
    writer.setDaemon(true);
    writer.start();
  }

  void write(Line line) {
    if (!running || !queue.offer(line)) {
      log.accept(line);
    }
  }

  /** Writes what is still queued before the application stops. */
  @PreDestroy
  void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writeQueued();
  }

  void drain() {
    try {
      while (running) {
        log.accept(queue.take());
        writeQueued();
      }
    } catch (InterruptedException stopping) {
      // stop() writes what is left
    }
  }

  private void writeQueued() {
    for (Line line = queue.poll(); line != null; line = queue.poll()) {
      log.accept(line);
    }
  }

  /** On this thread the line carries its request's ids, as it would on the request's thread. */
  private static void log(Line line) {
    LogContext.begin(line.requestId(), line.trace());
    try {
      RequestLog.LOG.logp(RequestLog.LEVEL, RequestLog.SOURCE, "filter", line.text());
    } finally {
      LogContext.end(line.trace() != null);
    }
  }
}
