package org.contacts.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "+1 555 0100", "-5", "@SUM(A1)", "\tx", "\rx"})
  void formulaCellsGetAnApostropheAndComeBackWhole(String value) {
    String cell = CsvCells.neutralised(value);

    assertEquals("'" + value, cell, "an apostrophe first, so a spreadsheet shows it as text");
    assertEquals(value, CsvCells.restored(cell), "an import gives back the value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'=1", "''+x", "'", "'plain", "Ann", "", "a=b", "555-0100"})
  void everyOtherValueComesBackWholeToo(String value) {
    assertEquals(
        value, CsvCells.restored(CsvCells.neutralised(value)), "lossless round trip: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ann", "a=b", "555-0100", "'plain"})
  void harmlessValuesAreWrittenAsTheyAre(String value) {
    assertEquals(value, CsvCells.neutralised(value), "unchanged");
  }
}
