package org.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.contacts.controller.ContactValidationException;
import org.contacts.jsonapi.ResourceInput;
import org.contacts.model.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure: a 500 whose error id leads to the log line, with no internals in the body.
 */
class ErrorMapperTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger log = Logger.getLogger(ErrorMapper.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    log.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    log.removeHandler(capture);
  }

  /** A mapper as JAX-RS sets it up for a GET of /contacts on http://localhost. */
  static ErrorMapper mapper() {
    ErrorMapper mapper = new ErrorMapper();
    mapper.uriInfo =
        (UriInfo)
            Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRequestUri" -> URI.create("http://localhost/contacts");
                      case "getBaseUri" -> URI.create("http://localhost/");
                      default -> null;
                    });
    mapper.web = org.contacts.config.TestSettings.web();
    mapper.request =
        (Request)
            Proxy.newProxyInstance(
                Request.class.getClassLoader(),
                new Class<?>[] {Request.class},
                (proxy, method, args) -> method.getName().equals("getMethod") ? "GET" : null);
    mapper.sent = new SentDocument();
    mapper.datastoreErrors = new DatastoreErrors();
    return mapper;
  }

  @Test
  void domainRefusalIsAnErrorsDocumentPointingIntoTheBodyThatWasSent() {
    ErrorMapper mapper = mapper();
    mapper.sent.keep(new ResourceInput("contacts", null, Map.of(), "/data/attributes"));

    Response response =
        mapper.toResponse(
            new ContactValidationException(
                List.of(new Violation("lastName", "Missing required attribute", "required"))));
    JsonObject error = ((JsonObject) response.getEntity()).getJsonArray("errors").getJsonObject(0);

    assertEquals(422, response.getStatus(), "422 Unprocessable Content");
    assertEquals(
        "/data/attributes/lastName",
        error.getJsonObject("source").getString("pointer"),
        "the pointer into the document as sent");
    assertEquals(List.of(), logged, "a client's mistake is not logged as an error");
  }

  @Test
  void unexpectedExceptionIsA500WithAnIdThatIsInTheLogAndNoInternals() {
    Response response = mapper().toResponse(new IllegalStateException("secret internal detail"));
    JsonObject error = ((JsonObject) response.getEntity()).getJsonArray("errors").getJsonObject(0);

    assertEquals(500, response.getStatus(), "an unexpected failure is a 500");
    assertEquals("500", error.getString("status"), "the status as a string");
    String id = error.getString("id");
    assertTrue(error.getString("detail").contains(id), "the detail quotes the id");
    assertFalse(
        response.getEntity().toString().contains("secret internal detail"),
        "no exception message in the body");
    assertFalse(
        response.getEntity().toString().contains("IllegalStateException"),
        "no stack trace in the body");
    assertEquals(1, logged.size(), "one log line");
    assertTrue(logged.get(0).getMessage().contains(id), "the log line carries the same id");
    assertTrue(
        logged.get(0).getThrown() instanceof IllegalStateException,
        "with the exception for the operator");
  }
}
