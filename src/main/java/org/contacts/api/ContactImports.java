package org.contacts.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.contacts.config.ContactsSettings;
import org.contacts.controller.ContactImporter;
import org.contacts.controller.ImportOptions;
import org.contacts.controller.ImportReport;
import org.contacts.exchange.ExchangeFormat;
import org.contacts.jsonapi.ApiException;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonApi;
import org.contacts.jsonapi.ResourceInputReader;

/**
 * Takes a vCard or CSV file posted to /contacts. The body goes to a temporary file first, counted
 * against contacts.import.max-body-bytes, so that the importer can read it twice (once to check it
 * whole, once to store) without holding it in memory.
 */
final class ContactImports {

  static final String ON_DUPLICATE = "onDuplicate";

  private static final Logger LOG = Logger.getLogger(ContactImports.class.getName());
  private static final int BUFFER_BYTES = 1 << 16;

  private ContactImports() {}

  static Response create(
      ContactImporter importer,
      ContactsSettings settings,
      String base,
      ExchangeFormat format,
      MediaType type,
      MultivaluedMap<String, String> parameters,
      InputStream body,
      String author) {
    ImportOptions options =
        new ImportOptions(settings.importMaxRecords(), createDuplicates(parameters), author);
    Path file = spool(body, settings.importMaxBodyBytes());
    ImportReport report;
    try {
      report = importer.importFile(format, file, options);
    } finally {
      delete(file);
    }
    if (report.stop() != null) {
      LOG.log(Level.WARNING, "An import stopped: the datastore failed", report.stop().cause());
    }
    if (report.created().isEmpty()) {
      throw new ApiException(ImportDocuments.errors(report));
    }
    boolean whole = report.refusedRecords() == 0 && report.stop() == null;
    return Response.status(whole ? Response.Status.CREATED : Response.Status.OK)
        .entity(ImportDocuments.report(base, report, type.getType() + "/" + type.getSubtype()))
        .type(JsonApi.CONTENT_TYPE)
        .build();
  }

  /** onDuplicate=refuse (the default) or create. */
  private static boolean createDuplicates(MultivaluedMap<String, String> parameters) {
    List<String> values = parameters.get(ON_DUPLICATE);
    if (values == null || values.equals(List.of("refuse"))) {
      return false;
    }
    if (values.equals(List.of("create"))) {
      return true;
    }
    throw new ApiException(
        ErrorObject.of(
                400,
                "Invalid onDuplicate",
                ON_DUPLICATE + " is refuse (the default) or create, given once.")
            .atParameter(ON_DUPLICATE));
  }

  private static Path spool(InputStream body, long maxBytes) {
    Path file;
    try {
      file = Files.createTempFile("contacts-import-", ".part");
    } catch (IOException e) {
      throw new IllegalStateException("No room for an import's temporary file", e);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      long total = 0;
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        total += read;
        if (total > maxBytes) {
          throw ResourceInputReader.tooLarge(maxBytes);
        }
        out.write(buffer, 0, read);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      delete(file);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ApiException(
          ErrorObject.of(400, "Unreadable body", "The request body could not be read."));
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning(() -> "An import's temporary file could not be deleted: " + file);
    }
  }
}
