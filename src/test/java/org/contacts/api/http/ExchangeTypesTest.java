package org.contacts.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.contacts.exchange.ExchangeFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeTypesTest {

  /** Accept as JAX-RS hands it over: most preferred first. */
  private static List<MediaType> accept(String types) {
    return Arrays.stream(types.split("\\|")).map(MediaType::valueOf).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '!',
      value = {
        "text/vcard ! VCARD_4",
        "text/vcard;version=4.0 ! VCARD_4",
        "text/vcard;version=3.0 ! VCARD_3",
        "text/csv ! CSV",
        "text/csv;charset=utf-8|application/json;q=0.5 ! CSV",
        "application/json|text/csv;q=0.5 ! JSON",
        "application/vnd.api+json|text/vcard ! JSON",
        "*/* ! JSON",
        "text/* ! JSON",
        "text/vcard;version=2.1 ! JSON",
        "text/csv;q=0|application/json ! JSON"
      })
  void aClientGetsAFileOnlyWhenItNamesItsTypeBeforeAnyJson(String accepted, String expected) {
    Optional<ExchangeFormat> format = ExchangeTypes.exportFormat(accept(accepted));

    assertEquals(expected, format.map(Enum::name).orElse("JSON"), accepted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '!',
      value = {
        "text/csv ! CSV",
        "text/csv;charset=UTF-8 ! CSV",
        "text/vcard;version=3.0 ! VCARD_4",
        "text/plain ! JSON",
        "application/json ! JSON",
        "text/* ! JSON"
      })
  void aBodyIsAFileOnlyWhenItsContentTypeNamesOne(String type, String expected) {
    assertEquals(
        expected,
        ExchangeTypes.importFormat(MediaType.valueOf(type)).map(Enum::name).orElse("JSON"),
        type + " (either vCard version is read by one reader)");
  }
}
