package org.contacts.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.contacts.controller.ImportReport;
import org.contacts.jsonapi.Documents;
import org.contacts.jsonapi.ErrorObject;
import org.contacts.jsonapi.JsonBuilders;
import org.contacts.model.ContactId;

/**
 * The answer to an import (docs/api.md, "Import"). When anything was stored, a resource of type
 * {@code imports}: counts, the ids created, and one error object per problem of a refused record,
 * as an attribute (JSON:API allows no errors beside data). When nothing was, an errors document of
 * those same error objects.
 */
final class ImportDocuments {

  static final String TYPE = "imports";

  private ImportDocuments() {}

  static JsonObject report(String base, ImportReport report, String format) {
    JsonArrayBuilder ids = JsonBuilders.array();
    for (ContactId id : report.created()) {
      ids.add(id.text());
    }
    JsonArrayBuilder refusals = JsonBuilders.array();
    report.refusals().forEach(refusal -> refusals.add(error(refusal).toJson()));
    JsonObjectBuilder attributes =
        JsonBuilders.object()
            .add("format", format)
            .add("received", report.received())
            .add("created", report.created().size())
            .add("refused", report.refusedRecords())
            .add("ids", ids)
            .add("refusals", refusals)
            .add("ignored", JsonBuilders.array(report.ignored()));
    if (report.stop() != null) {
      attributes.add("stopped", stopped(report.stop()).toJson());
    }
    return Documents.unaddressed(base, TYPE, UUID.randomUUID().toString(), attributes.build());
  }

  /**
   * One error object per problem of a refused record, naming its position in the file, and the
   * stop, if the datastore failed.
   */
  static List<ErrorObject> errors(ImportReport report) {
    List<ErrorObject> errors =
        new ArrayList<>(report.refusals().stream().map(ImportDocuments::error).toList());
    if (report.stop() != null) {
      errors.add(stopped(report.stop()));
    }
    return errors;
  }

  private static ErrorObject error(ImportReport.Refusal refusal) {
    int status = refusal.reason() == ImportReport.Reason.INVALID ? 422 : 409;
    JsonObjectBuilder meta =
        JsonBuilders.object().add("record", refusal.record()).add("line", refusal.line());
    if (refusal.attribute() != null) {
      meta.add("attribute", refusal.attribute()).add("field", refusal.source());
    }
    return ErrorObject.of(
            status,
            refusal.title(),
            "Record " + refusal.record() + " (line " + refusal.line() + "): " + refusal.detail())
        .withMeta(meta.build());
  }

  private static ErrorObject stopped(ImportReport.Stop stop) {
    return ErrorObject.of(
            503,
            "Import stopped",
            "The datastore failed while storing records "
                + stop.from()
                + " to "
                + stop.to()
                + ": some of them may be stored, and no later record is. Post the same file"
                + " again when the datastore is back: a record whose email address or id is stored"
                + " already is refused as a duplicate, and the rest is stored.")
        .withMeta(
            JsonBuilders.object()
                .add("fromRecord", stop.from())
                .add("toRecord", stop.to())
                .build());
  }
}
