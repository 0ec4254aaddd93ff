package org.contacts.api.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.contacts.jsonapi.JsonApi;

/** Writes the service's JSON documents, whatever JSON media type the response carries. */
@Provider
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class JsonObjectWriter implements MessageBodyWriter<JsonObject> {

  private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonObject.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      JsonObject document,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out) {
    try (JsonWriter writer = WRITERS.createWriter(new NonClosingOutputStream(out))) {
      writer.writeObject(document);
    }
  }

  /** The container owns the response stream; the JSON writer must only flush it. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
