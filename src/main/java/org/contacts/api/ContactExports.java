package org.contacts.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.contacts.api.http.EntityTags;
import org.contacts.api.http.ExchangeTypes;
import org.contacts.controller.ContactController;
import org.contacts.exchange.ContactWriter;
import org.contacts.exchange.ExchangeFormat;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactQuery;

/**
 * Answers with contacts as vCard or CSV files. A collection's file is streamed: written as the
 * datastore's cursor hands the contacts over, so that the memory it takes does not grow with the
 * number of contacts. The cursor is opened before the answer starts, so that an unreachable
 * datastore is the usual 503; once the first bytes are sent, a failure can only cut the file short.
 */
final class ContactExports {

  private static final int BUFFER_CHARS = 1 << 16;

  private ContactExports() {}

  /**
   * Every contact the query selects (not one page), as one file. A HEAD gets the headers alone,
   * without a cursor opened for a body nobody reads.
   */
  static Response collection(
      ContactController controller,
      ContactQuery query,
      ExchangeFormat format,
      Set<String> fields,
      boolean head) {
    if (head) {
      return file(Response.ok(), format, "contacts").build();
    }
    Stream<Contact> contacts = controller.export(query);
    StreamingOutput body =
        out -> {
          Writer text =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
          try (contacts;
              ContactWriter writer = format.writer(text, columns(fields))) {
            contacts.forEach(contact -> write(writer, contact));
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          text.flush();
        };
    return file(Response.ok(body), format, "contacts").build();
  }

  /** One contact as a file, with the entity tag of its version in this format. */
  static Response single(
      Response.ResponseBuilder response,
      Contact contact,
      ExchangeFormat format,
      Set<String> fields) {
    StringWriter text = new StringWriter();
    try (ContactWriter writer = format.writer(text, columns(fields))) {
      writer.write(contact);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file(response.entity(text.toString()), format, "contact-" + contact.id())
        .tag(EntityTags.of(contact, format))
        .build();
  }

  private static Response.ResponseBuilder file(
      Response.ResponseBuilder response, ExchangeFormat format, String name) {
    return response
        .type(ExchangeTypes.contentType(format))
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name + "." + format.extension() + "\"");
  }

  /** The CSV columns: the attributes asked for with fields[contacts], or all of them. */
  private static List<String> columns(Set<String> fields) {
    return fields == null
        ? ContactAttributes.NAMES
        : ContactAttributes.NAMES.stream().filter(fields::contains).toList();
  }

  private static void write(ContactWriter writer, Contact contact) {
    try {
      writer.write(contact);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
