package org.contacts.telemetry;

import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A client span for every MongoDB command issued while a traced request is served, named and
 * described by OpenTelemetry's database conventions. A span names the command, the database and the
 * collection, never a value of a filter, an update or a document: those are personal data. An
 * error's message is left out for the same reason (a duplicate key error quotes the key).
 */
@ApplicationScoped
public class DatastoreSpans {

  static final AttributeKey<String> SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

  /**
   * The name of db.system.name before semantic conventions 1.26, which many backends still read.
   */
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system");

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");
  static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey("db.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  @Inject Tracer tracer;

  /**
   * The spans of the commands in flight, by the driver's request id. Empty while tracing is off, so
   * that a finished command is looked up (and its id boxed) only when a span can exist.
   */
  private final Map<Integer, Span> open = new ConcurrentHashMap<>();

  void started(CommandStartedEvent event) {
    // With tracing off no request has a recording span: this check is all a command pays. A request
    // the sampler left out has none either, and its commands would be left out too.
    if (!Span.current().isRecording()) {
      return;
    }
    String command = event.getCommandName();
    String collection = collection(command, event.getCommand());
    SpanBuilder span =
        tracer
            .spanBuilder(collection == null ? command : command + " " + collection)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SYSTEM_NAME, "mongodb")
            .setAttribute(SYSTEM, "mongodb")
            .setAttribute(OPERATION, command)
            .setAttribute(NAMESPACE, event.getDatabaseName());
    if (collection != null) {
      span.setAttribute(COLLECTION, collection);
    }
    ServerAddress server = event.getConnectionDescription().getServerAddress();
    span.setAttribute(SERVER_ADDRESS, server.getHost())
        .setAttribute(SERVER_PORT, (long) server.getPort());
    open.put(event.getRequestId(), span.startSpan());
  }

  void succeeded(CommandSucceededEvent event) {
    Span span = open.isEmpty() ? null : open.remove(event.getRequestId());
    if (span != null) {
      span.end();
    }
  }

  void failed(CommandFailedEvent event) {
    Span span = open.isEmpty() ? null : open.remove(event.getRequestId());
    if (span != null) {
      Throwable failure = event.getThrowable();
      if (failure instanceof MongoException mongo) {
        span.setAttribute(STATUS_CODE, Integer.toString(mongo.getCode()));
      }
      span.setAttribute(ERROR_TYPE, failure.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      span.end();
    }
  }

  /**
   * The collection a command works on: the value of its first field for the CRUD commands (find,
   * insert, update, delete, aggregate, count...), the collection field for getMore, none for
   * commands such as ping. Only that name is read from the command.
   */
  static String collection(String command, BsonDocument document) {
    BsonValue target = document.get("getMore".equals(command) ? "collection" : command);
    return target != null && target.isString() ? target.asString().getValue() : null;
  }
}
