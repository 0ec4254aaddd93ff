package org.contacts.jsonapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One JSON:API error object. {@code status} is the HTTP status; {@code code}, when set, names the
 * kind of problem for a program to tell apart without reading the title; at most one of pointer,
 * parameter and header names the source of the problem.
 */
public record ErrorObject(
    int status,
    String code,
    String title,
    String detail,
    String pointer,
    String parameter,
    String header,
    String id,
    String typeLink,
    JsonObject meta) {

  public static ErrorObject of(int status, String title, String detail) {
    return new ErrorObject(status, null, title, detail, null, null, null, null, null, null);
  }

  public ErrorObject atPointer(String pointer) {
    return new ErrorObject(status, code, title, detail, pointer, null, null, id, typeLink, meta);
  }

  public ErrorObject atParameter(String parameter) {
    return new ErrorObject(status, code, title, detail, null, parameter, null, id, typeLink, meta);
  }

  public ErrorObject atHeader(String header) {
    return new ErrorObject(status, code, title, detail, null, null, header, id, typeLink, meta);
  }

  public ErrorObject withId(String id) {
    return new ErrorObject(
        status, code, title, detail, pointer, parameter, header, id, typeLink, meta);
  }

  /** A link to the definition of this kind of error, as profiles define them. */
  public ErrorObject withType(String typeLink) {
    return new ErrorObject(
        status, code, title, detail, pointer, parameter, header, id, typeLink, meta);
  }

  /** The kind of problem, as a program reads it: the same words as the metrics' tags. */
  public ErrorObject withCode(String code) {
    return new ErrorObject(
        status, code, title, detail, pointer, parameter, header, id, typeLink, meta);
  }

  public ErrorObject withMeta(JsonObject meta) {
    return new ErrorObject(
        status, code, title, detail, pointer, parameter, header, id, typeLink, meta);
  }

  public JsonObject toJson() {
    JsonObjectBuilder error = JsonBuilders.object();
    if (id != null) {
      error.add("id", id);
    }
    if (typeLink != null) {
      error.add("links", JsonBuilders.object().add("type", typeLink));
    }
    error.add("status", Integer.toString(status));
    if (code != null) {
      error.add("code", code);
    }
    error.add("title", title);
    if (detail != null) {
      error.add("detail", detail);
    }
    if (pointer != null) {
      error.add("source", JsonBuilders.object().add("pointer", pointer));
    } else if (parameter != null) {
      error.add("source", JsonBuilders.object().add("parameter", parameter));
    } else if (header != null) {
      error.add("source", JsonBuilders.object().add("header", header));
    }
    if (meta != null) {
      error.add("meta", meta);
    }
    return error.build();
  }
}
