package org.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The attribute names live in {@link ContactAttributes}; the OpenAPI document and the API's
 * reference name the same ones, so that neither can promise an attribute the service refuses.
 */
class ContactAttributesDocumentedTest {

  private static final Pattern ALTERNATION = Pattern.compile("\\(((?:\\w+\\|)+\\w+)\\)");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(\\w+)` \\| (.*) \\|$");

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(System.getProperty("basedir", "")).resolve(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      current = ((Map<String, Object>) current).get(step);
    }
    return (Map<String, Object>) current;
  }

  private static Map<String, Object> openApi() throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(read("src/main/resources/META-INF/openapi.yaml"));
  }

  @Test
  void openApiSchemaHasTheAttributesInOrderAndRequiresTheNames() throws IOException {
    Map<String, Object> schemas = map(openApi(), "components", "schemas");

    assertEquals(
        ContactAttributes.NAMES,
        List.copyOf(map(schemas, "ContactAttributeFields", "properties").keySet()),
        "ContactAttributeFields' properties");
    assertEquals(
        ContactAttributes.REQUIRED,
        Set.copyOf((List<?>) map(schemas, "NewContactAttributes").get("required")),
        "NewContactAttributes' required");
  }

  @Test
  void openApiParametersFilterSortAndSelectEveryAttribute() throws IOException {
    Map<String, Object> parameters = map(openApi(), "components", "parameters");

    List<String> filtered =
        parameters.values().stream()
            .map(parameter -> String.valueOf(((Map<?, ?>) parameter).get("name")))
            .filter(name -> name.startsWith("filter[") && !name.equals("filter[q]"))
            .map(name -> name.substring("filter[".length(), name.length() - 1))
            .toList();
    assertEquals(ContactAttributes.NAMES, filtered, "a filter parameter for each attribute");
    for (String parameter : List.of("Sort", "FieldsContacts")) {
      String pattern = String.valueOf(map(parameters, parameter, "schema").get("pattern"));
      Matcher names = ALTERNATION.matcher(pattern);
      int groups = 0;
      while (names.find()) {
        groups++;
        assertEquals(
            ContactAttributes.NAMES,
            List.of(names.group(1).split("\\|")),
            parameter + "'s pattern " + pattern);
      }
      assertTrue(groups > 0, parameter + "'s pattern names the attributes: " + pattern);
    }
  }

  @Test
  void apiReferenceTablesEveryAttributeAndMarksTheRequiredOnes() throws IOException {
    String contacts = read("docs/api.md").split("\n## Contacts\n", 2)[1].split("\n## ", 2)[0];

    List<String> names = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (String line : contacts.lines().toList()) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.matches()) {
        names.add(row.group(1));
        if (row.group(2).startsWith("required")) {
          required.add(row.group(1));
        }
      }
    }
    assertEquals(ContactAttributes.NAMES, names, "the table's attributes, in order");
    assertEquals(ContactAttributes.REQUIRED, Set.copyOf(required), "the rows that say required");
  }
}
