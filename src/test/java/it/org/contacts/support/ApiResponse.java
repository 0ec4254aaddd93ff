package it.org.contacts.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** A response as a client saw it. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The data member of a single-resource document. */
  public JsonObject data() {
    return json().getJsonObject("data");
  }

  public JsonObject attributes() {
    return data().getJsonObject("attributes");
  }

  /** The first error object of an errors document. */
  public JsonObject error() {
    return json().getJsonArray("errors").getJsonObject(0);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
