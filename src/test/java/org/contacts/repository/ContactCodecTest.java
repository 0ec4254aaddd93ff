package org.contacts.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoClientSettings;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.contacts.model.Contact;
import org.junit.jupiter.api.Test;

class ContactCodecTest {

  private final ContactCodec codec =
      new ContactCodec(MongoClientSettings.getDefaultCodecRegistry());

  private Contact decoded(Document document) {
    RawBsonDocument bson = new RawBsonDocument(document, new DocumentCodec());
    return codec.decode(bson.asBsonReader(), DecoderContext.builder().build());
  }

  @Test
  void readsAStoredContactAsTheDocumentMappingDoes() {
    Document stored =
        new Document("_search", List.of("ada", "lovelace"))
            .append("lastName", "Lovelace")
            .append("_id", new ObjectId())
            .append("firstName", "Ada")
            .append("version", 7L)
            .append("zip", 94000)
            .append("phone1", 5.5)
            .append("email", null)
            .append("unknown", new Document("nested", true));
    assertEquals(
        ContactMapping.toContact(stored),
        decoded(stored),
        "the attributes in their fixed order, values as text, nulls and other fields left out");
  }

  @Test
  void contactWrittenBeforeVersionsExistedIsVersionZeroWhateverItsIdType() {
    Document legacy =
        new Document("_id", "5a1b2c3d4e5f60718293a4b5")
            .append("lastName", "Old")
            .append("version", null);
    Contact contact = decoded(legacy);
    assertEquals(ContactMapping.toContact(legacy), contact, "as the document mapping reads it");
    assertEquals(0, contact.version(), "no version is version 0");
  }
}
