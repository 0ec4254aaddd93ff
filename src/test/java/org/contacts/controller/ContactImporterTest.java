package org.contacts.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.contacts.exchange.ExchangeFormat;
import org.contacts.model.Contact;
import org.contacts.model.ContactId;
import org.contacts.model.ContactQuery;
import org.contacts.repository.ContactRepository;
import org.contacts.repository.EmbeddedCollections;
import org.contacts.repository.MongoContactRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ContactImporterTest {

  @RegisterExtension static final EmbeddedCollections DATASTORE = new EmbeddedCollections();

  private final MongoContactRepository repository = DATASTORE.newRepository();
  private final ContactImporter importer = new ContactImporter(repository);

  @TempDir Path directory;

  private ImportReport importCsv(String csv, ImportOptions options) throws IOException {
    Path file = Files.writeString(directory.resolve("contacts.csv"), csv, StandardCharsets.UTF_8);
    return importer.importFile(ExchangeFormat.CSV, file, options);
  }

  private long stored() {
    ContactQuery all =
        new ContactQuery(Map.of(), null, List.of(), ContactQuery.Page.numbered(1, 1));
    try (Stream<Contact> contacts = repository.findAllMatching(all)) {
      return contacts.count();
    }
  }

  private ImportReport importCsv(String csv) throws IOException {
    return importCsv(csv, new ImportOptions(100, false, null));
  }

  @Test
  void storesTheValidRecordsAndReportsExactlyTheInvalidOnesWithTheirPositions() throws IOException {
    ImportReport report =
        importCsv(
            "firstName,lastName,email\n"
                + "Ann,Lee,ann@example.org\n"
                + ",Ray,bo@example.org\n"
                + "Cy,Poe,not-an-address\n"
                + "Di,Ng,\n");

    assertEquals(4, report.received(), "four records");
    assertEquals(2, report.created().size(), "Ann and Di stored");
    assertEquals(2, report.refusedRecords(), "two refused");
    assertEquals(2, stored(), "only the valid ones in the store");
    ImportReport.Refusal missing = report.refusals().get(0);
    assertEquals(2, missing.record(), "record 2");
    assertEquals(3, missing.line(), "on line 3");
    assertEquals("firstName", missing.attribute(), "its first name");
    ImportReport.Refusal email = report.refusals().get(1);
    assertEquals(3, email.record(), "record 3");
    assertEquals("email", email.attribute(), "its email");
  }

  @Test
  void aSecondImportOfTheSameFileStoresNothingTwice() throws IOException {
    String csv = "firstName,lastName,email\nAnn,Lee,ann@example.org\nBo,Ray,BO@example.org\n";
    importCsv(csv);

    ImportReport again = importCsv(csv.replace("BO@", "bo@"));

    assertEquals(0, again.created().size(), "nothing stored again");
    assertEquals(
        List.of(ImportReport.Reason.EMAIL_IN_USE, ImportReport.Reason.EMAIL_IN_USE),
        again.refusals().stream().map(ImportReport.Refusal::reason).toList(),
        "each record's email address is in use, whatever its case");
    assertEquals(2, stored(), "two contacts, not four");
  }

  @Test
  void duplicatesAreStoredWhenTheClientAsks() throws IOException {
    String csv = "firstName,lastName,email\nAnn,Lee,ann@example.org\nAnn,Lee,ann@example.org\n";

    ImportReport report = importCsv(csv, new ImportOptions(100, true, null));

    assertEquals(2, report.created().size(), "both stored");
  }

  @Test
  void aRecordWithTheIdOfAStoredContactIsRefused() throws IOException {
    String csv = "id,firstName,lastName\n5f8f8c44b54764421b7156c3,Ann,Lee\n";
    importCsv(csv);

    ImportReport again = importCsv(csv);

    assertEquals(ImportReport.Reason.ID_TAKEN, again.refusals().get(0).reason(), "id taken");
    assertEquals(
        "Ann",
        repository
            .findById(new ContactId("5f8f8c44b54764421b7156c3"))
            .orElseThrow()
            .attribute("firstName"),
        "the stored contact kept");
  }

  @Test
  void moreRecordsThanAllowedAreRefusedWholeBeforeAnythingIsStored() throws IOException {
    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () ->
                importCsv(
                    "firstName,lastName\nA,B\nC,D\nE,F\n", new ImportOptions(2, false, null)));

    assertEquals(ImportRefusedException.Reason.TOO_MANY_RECORDS, e.reason(), "too many");
    assertEquals(0, stored(), "nothing stored");
  }

  @Test
  void aMalformedLineAfterGoodRecordsStoresNothingAndNamesTheLine() throws IOException {
    ImportRefusedException e =
        assertThrows(
            ImportRefusedException.class,
            () -> importCsv("firstName,lastName\nAnn,Lee\nBo,Ray\nCy,\"Poe\" x\n"));

    assertEquals(ImportRefusedException.Reason.MALFORMED, e.reason(), "malformed");
    assertEquals(4, e.line(), "line 4");
    assertEquals(0, stored(), "nothing stored");
  }

  @Test
  void aFileWithOnlyAHeaderIsEmpty() throws IOException {
    ImportRefusedException e =
        assertThrows(ImportRefusedException.class, () -> importCsv("firstName,lastName\n"));

    assertEquals(ImportRefusedException.Reason.EMPTY, e.reason(), "no contacts");
  }

  /**
   * The repository, except that its second look-up of email addresses fails as a datastore that
   * went away does: the second batch is never written.
   */
  private ContactRepository failingOnSecondEmailLookUp() {
    AtomicInteger lookUps = new AtomicInteger();
    return (ContactRepository)
        Proxy.newProxyInstance(
            ContactRepository.class.getClassLoader(),
            new Class<?>[] {ContactRepository.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("emailsInUse") && lookUps.incrementAndGet() == 2) {
                throw new MongoSocketReadException(
                    "cut", new ServerAddress(), new IOException("cut"));
              }
              try {
                return method.invoke(repository, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void aDatastoreFailingPartWayReportsWhatWasStoredAndWhereItStopped() throws IOException {
    StringBuilder csv = new StringBuilder("firstName,lastName,email\n");
    int records = ContactImporter.BATCH_SIZE * 3;
    for (int i = 1; i <= records; i++) {
      csv.append("First").append(i).append(",Last,p").append(i).append("@example.org\n");
    }
    Path file = Files.writeString(directory.resolve("cut.csv"), csv, StandardCharsets.UTF_8);

    ImportReport report =
        new ContactImporter(failingOnSecondEmailLookUp())
            .importFile(ExchangeFormat.CSV, file, new ImportOptions(records, false, null));

    assertEquals(ContactImporter.BATCH_SIZE, report.created().size(), "the first batch was stored");
    assertEquals(report.created().size(), stored(), "and the report lists exactly those");
    assertNotNull(report.stop(), "the report says the import stopped");
    assertEquals(ContactImporter.BATCH_SIZE + 1, report.stop().from(), "at the second batch");
    assertEquals(2 * ContactImporter.BATCH_SIZE, report.stop().to(), "and its last record");
  }
}
