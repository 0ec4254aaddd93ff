package org.contacts.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contacts.model.Violation;

/**
 * One contact as a file held it, before validation: its position in the file (counted from 1), the
 * id the file gave it if that can be a contact id, its attribute values, where in the file each
 * came from (a CSV column or a vCard property), and what the file itself got wrong about it.
 */
public record ImportedRecord(
    int number,
    long line,
    String id,
    Map<String, String> attributes,
    Map<String, String> sources,
    List<Violation> problems) {

  public ImportedRecord {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    sources = Map.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** The name the file gave an attribute, or the attribute's own name. */
  public String sourceOf(String attribute) {
    return sources.getOrDefault(attribute, attribute);
  }
}
