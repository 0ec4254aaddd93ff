package org.contacts.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.contacts.exchange.ExchangeFormat;
import org.contacts.exchange.ImportedRecord;
import org.contacts.exchange.MalformedFileException;
import org.contacts.exchange.RecordReader;
import org.contacts.model.AttributeChanges;
import org.contacts.model.AttributeValue;
import org.contacts.model.Change;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;
import org.contacts.model.ContactValidator;
import org.contacts.model.Violation;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.ContactRepository.NewContact;

/**
 * The rules of an import: the file is read once whole first, so that a malformed file or one with
 * too many contacts stores nothing; then every record is validated as a single create is, and the
 * valid ones are stored in batches, one datastore write per batch. A record whose email address (or
 * id) is in use already is refused unless the client asked for duplicates.
 */
@ApplicationScoped
public class ContactImporter {

  /**
   * How many contacts one datastore write stores: small enough that a write finishes well within
   * the driver's socket timeout on the embedded development datastore of a busy machine.
   */
  public static final int BATCH_SIZE = 100;

  private ContactRepository repository;

  @Inject
  public ContactImporter(ContactRepository repository) {
    this.repository = repository;
  }

  /** For CDI's proxies only. */
  protected ContactImporter() {}

  /**
   * Imports the contacts of a file.
   *
   * @throws ImportRefusedException when the file is refused whole; nothing was stored
   */
  public ImportReport importFile(ExchangeFormat format, Path file, ImportOptions options) {
    check(format, file, options.maxRecords());
    Run run = new Run(options.createDuplicates(), Change.now(options.author()));
    try (RecordReader reader = format.reader(open(file))) {
      for (Optional<ImportedRecord> next = reader.next();
          next.isPresent() && run.stop == null;
          next = reader.next()) {
        run.take(next.get());
      }
      run.flush();
      return new ImportReport(
          run.received, run.created, run.refused.size(), run.refusals, reader.ignored(), run.stop);
    }
  }

  /** Reads the whole file without storing anything: is it well formed, and not too long? */
  private static void check(ExchangeFormat format, Path file, int maxRecords) {
    int count = 0;
    try (RecordReader reader = format.reader(open(file))) {
      while (reader.next().isPresent()) {
        if (++count > maxRecords) {
          throw ImportRefusedException.tooManyRecords(maxRecords);
        }
      }
    } catch (MalformedFileException e) {
      throw ImportRefusedException.malformed(e.line(), e.getMessage());
    }
    if (count == 0) {
      throw ImportRefusedException.empty();
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One import's progress. */
  private final class Run {

    private final boolean createDuplicates;
    private final Change change;
    private final List<ImportedRecord> batch = new ArrayList<>(BATCH_SIZE);
    private final Set<String> emailsSeen = new HashSet<>();
    private final List<ContactId> created = new ArrayList<>();
    private final List<ImportReport.Refusal> refusals = new ArrayList<>();
    private final Set<Integer> refused = new HashSet<>();
    private int received;
    private ImportReport.Stop stop;

    Run(boolean createDuplicates, Change change) {
      this.createDuplicates = createDuplicates;
      this.change = change;
    }

    void take(ImportedRecord record) {
      received++;
      List<Violation> violations = new ArrayList<>(record.problems());
      violations.addAll(
          ContactValidator.validate(new AttributeChanges(values(record.attributes())), true));
      if (!violations.isEmpty()) {
        for (Violation violation : violations) {
          refuse(
              record,
              ImportReport.Reason.INVALID,
              violation.attribute(),
              violation.title(),
              violation.detail());
        }
        return;
      }
      batch.add(record);
      if (batch.size() == BATCH_SIZE) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      int from = batch.get(0).number();
      int to = batch.get(batch.size() - 1).number();
      List<ImportedRecord> storing;
      ContactRepository.BatchResult result;
      try {
        // The look-up of email addresses is a datastore call too: when it fails, the batches
        // stored before must still be reported, not lost behind a bare 503.
        storing = createDuplicates ? List.copyOf(batch) : withoutEmailsInUse();
        result = repository.insertAll(newContacts(storing), change);
      } catch (RuntimeException e) {
        // A write that failed may still have stored some of its batch (a timeout, say): the
        // report says so, whether or not earlier batches were stored.
        stop = new ImportReport.Stop(from, to, e);
        return;
      } finally {
        batch.clear();
      }
      created.addAll(result.created());
      for (int taken : result.idTaken()) {
        ImportedRecord record = storing.get(taken);
        refuse(
            record,
            ImportReport.Reason.ID_TAKEN,
            null,
            "Contact already exists",
            "A contact with id " + record.id() + " already exists.");
      }
    }

    private List<NewContact> newContacts(List<ImportedRecord> storing) {
      List<NewContact> contacts = new ArrayList<>(storing.size());
      for (ImportedRecord record : storing) {
        ContactId id = createDuplicates || record.id() == null ? null : new ContactId(record.id());
        contacts.add(new NewContact(id, record.attributes()));
      }
      return contacts;
    }

    /** The batch without the records whose email address a contact or an earlier record has. */
    private List<ImportedRecord> withoutEmailsInUse() {
      List<String> emails = new ArrayList<>();
      for (ImportedRecord record : batch) {
        String email = emailOf(record);
        if (email != null) {
          emails.add(email);
        }
      }
      Set<String> inUse = emails.isEmpty() ? Set.of() : repository.emailsInUse(emails);
      List<ImportedRecord> kept = new ArrayList<>(batch.size());
      for (ImportedRecord record : batch) {
        String email = emailOf(record);
        if (email != null && (inUse.contains(email) || !emailsSeen.add(email))) {
          refuse(
              record,
              ImportReport.Reason.EMAIL_IN_USE,
              ContactAttributes.EMAIL,
              "Email address in use",
              "A contact with the email address "
                  + record.attributes().get(ContactAttributes.EMAIL)
                  + " exists already, or an earlier record of the file has it.");
        } else {
          kept.add(record);
        }
      }
      return kept;
    }

    private void refuse(
        ImportedRecord record,
        ImportReport.Reason reason,
        String attribute,
        String title,
        String detail) {
      refused.add(record.number());
      refusals.add(
          new ImportReport.Refusal(
              record.number(),
              record.line(),
              reason,
              attribute,
              attribute == null ? null : record.sourceOf(attribute),
              title,
              detail));
    }
  }

  private static String emailOf(ImportedRecord record) {
    String email = record.attributes().get(ContactAttributes.EMAIL);
    return email == null || email.isEmpty() ? null : email.toLowerCase(Locale.ROOT);
  }

  private static Map<String, AttributeValue> values(Map<String, String> attributes) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    attributes.forEach((name, value) -> values.put(name, AttributeValue.text(value)));
    return values;
  }
}
