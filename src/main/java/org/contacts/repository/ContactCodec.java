package org.contacts.repository;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.BsonTypeCodecMap;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.contacts.model.Contact;
import org.contacts.model.ContactAttributes;
import org.contacts.model.ContactId;

/**
 * Reads a stored contact straight from BSON into a {@link Contact}, with the same result as {@link
 * ContactMapping#toContact} on the {@code Document} the driver would otherwise build first: every
 * value of the twelve attributes as its text, {@code version} (0 when absent), the id as text. The
 * driver's {@code Document} codec looks a codec up in the registry for each value and fills a map
 * that is copied once more into the contact; here each value's codec is found by its BSON type in a
 * table made once, and fields the contact does not hold ({@code _search}) are skipped unread.
 * Contacts are written as documents ({@link ContactMapping}), so this codec only reads.
 */
final class ContactCodec implements Codec<Contact> {

  private static final Map<String, Integer> POSITIONS = new HashMap<>();

  static {
    for (int i = 0; i < ContactAttributes.NAMES.size(); i++) {
      POSITIONS.put(ContactAttributes.NAMES.get(i), i);
    }
  }

  private final BsonTypeCodecMap codecs;

  ContactCodec(CodecRegistry registry) {
    this.codecs = new BsonTypeCodecMap(new BsonTypeClassMap(), registry);
  }

  @Override
  public Contact decode(BsonReader reader, DecoderContext context) {
    String[] values = new String[ContactAttributes.NAMES.size()];
    String id = null;
    long version = 0;
    reader.readStartDocument();
    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
      String name = reader.readName();
      Integer position = POSITIONS.get(name);
      if (position != null) {
        values[position] = text(reader, context);
      } else if (name.equals(ContactMapping.ID)) {
        id = text(reader, context);
      } else if (name.equals(ContactMapping.VERSION)
          && reader.getCurrentBsonType() != BsonType.NULL) {
        version = ((Number) value(reader, context)).longValue();
      } else {
        reader.skipValue();
      }
    }
    reader.readEndDocument();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        attributes.put(ContactAttributes.NAMES.get(i), values[i]);
      }
    }
    return new Contact(new ContactId(id), version, attributes);
  }

  /** The value's text as the Document codec's value would give it; null for BSON null. */
  private String text(BsonReader reader, DecoderContext context) {
    return switch (reader.getCurrentBsonType()) {
      case STRING -> reader.readString();
      case OBJECT_ID -> reader.readObjectId().toHexString();
      case NULL -> {
        reader.readNull();
        yield null;
      }
      default -> value(reader, context).toString();
    };
  }

  private Object value(BsonReader reader, DecoderContext context) {
    return context.decodeWithChildContext(codecs.get(reader.getCurrentBsonType()), reader);
  }

  @Override
  public void encode(BsonWriter writer, Contact contact, EncoderContext context) {
    throw new UnsupportedOperationException(
        "contacts are written as documents: see ContactMapping.toDocument");
  }

  @Override
  public Class<Contact> getEncoderClass() {
    return Contact.class;
  }
}
