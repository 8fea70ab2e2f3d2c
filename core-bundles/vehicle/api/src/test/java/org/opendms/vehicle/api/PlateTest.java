package org.opendms.vehicle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

class PlateTest {

    private static Violation refusal(String raw) {
        DmsException e = assertThrows(DmsException.class, () -> Plate.parse("plate", raw));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(1, e.violations().size());
        return e.violations().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "京A12345         | 京A12345",
            "京a·12345        | 京A12345",
            "京A 12345        | 京A12345",
            "京A\u300012345   | 京A12345",
            "京A•12345        | 京A12345",
            "京A・12345       | 京A12345",
            "京A.12345        | 京A12345",
            "京A_12345        | 京A12345",
            "'  京a 123 45 '  | 京A12345",
            "京Ａ１２３４５     | 京A12345",
            "京ａ－１２３４５   | 京A12345",
            "'  粤b-d12345 '  | 粤BD12345",
            "沪A12345D        | 沪A12345D",
            "苏EF12345        | 苏EF12345",
            "浙ADZ1234        | 浙ADZ1234",
            "京A1234学        | 京A1234学",
            "京A1234警        | 京A1234警",
            "粤Z1234港        | 粤Z1234港",
            "粤Z1234澳        | 粤Z1234澳",
            "沪A1234领        | 沪A1234领",
            "鲁B1234挂        | 鲁B1234挂",
            "川AB1C2D         | 川AB1C2D",
            "琼Z99999         | 琼Z99999",
    })
    void normalisesAndAccepts(String raw, String expected) {
        Plate plate = Plate.parse("plate", raw);
        assertEquals(expected, plate.value());
        assertEquals(expected, plate.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "京I12345   | office letter I",
            "京O12345   | office letter O",
            "京A1234O   | O in the serial",
            "京A1234I   | I in the serial",
            "XA12345    | not a province",
            "AA12345    | no province",
            "使A12345   | not a province",
            "京A1234    | too short",
            "京A1234567 | too long",
            "京A123456  | six characters but not a new-energy pattern",
            "京AD12345Z | new-energy plate one character too long",
            "京AZ12345  | new-energy small car must start with A-H, J or K",
            "京A12345Z  | new-energy large vehicle must end with A-H, J or K",
            "京AD1234A  | new-energy small car: last four must be digits",
            "京A1234使  | suffix not in the list",
            "京A123学4  | suffix only at the end",
            "京12345    | office letter missing",
            "京京12345  | office letter is a character",
    })
    void refusesWithFormatCode(String raw, String why) {
        assertEquals("plate.format", refusal(raw).code(), why);
    }

    @Test
    void refusalSaysWhy() {
        Violation v = refusal("京A1234");
        assertEquals("车牌号格式不正确：应为省份简称+发牌机关字母+5位（新能源6位）号码，如 京A12345", v.messageZh());
        assertEquals("plate must be a province character, an issuing-office letter and 5 characters "
                + "(6 for new-energy plates), e.g. 京A12345", v.messageEn());
    }

    @Test
    void refusalNamesAWrongProvince() {
        Violation v = refusal("XA12345");
        assertTrue(v.messageZh().contains("省份简称") && v.messageZh().contains("“X”"), v.messageZh());
        assertTrue(v.messageEn().contains("'X'"), v.messageEn());
    }

    @ParameterizedTest
    @ValueSource(strings = { "京I12345", "京o12345" })
    void refusalNamesAWrongOfficeLetter(String raw) {
        Violation v = refusal(raw);
        assertTrue(v.messageZh().contains("发牌机关字母"), v.messageZh());
        assertTrue(v.messageEn().contains("issuing-office letter"), v.messageEn());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\u3000", "·-", " . " })
    void requiresAValue(String raw) {
        assertEquals("required", refusal(raw).code());
    }

    @Test
    void refusesLongInputBeforeLookingAtIt() {
        assertEquals("plate.format", refusal("京".repeat(1000)).code());
        assertEquals("plate.format", refusal("京A12345" + " ".repeat(14)).code());
    }

    @Test
    void acceptsTwentyCharacters() {
        assertEquals("京A12345", Plate.parse("plate", "京A12345" + " ".repeat(13)).value());
    }

    @Test
    void namesTheFieldItWasGiven() {
        DmsException e = assertThrows(DmsException.class, () -> Plate.parse("vehicle.plate", "京I12345"));
        assertEquals("vehicle.plate", e.violations().get(0).field());
        DmsException blank = assertThrows(DmsException.class, () -> Plate.parse("query.plate", null));
        assertEquals("query.plate", blank.violations().get(0).field());
    }

    @ParameterizedTest
    @CsvSource({ "粤BD12345, true", "沪A12345D, true", "京A12345, false", "京A1234学, false" })
    void tellsNewEnergyPlates(String raw, boolean newEnergy) {
        assertEquals(newEnergy, Plate.parse("plate", raw).isNewEnergy());
    }

    @Test
    void knowsItsProvince() {
        assertEquals("粤", Plate.parse("plate", "粤b-d12345").province());
    }

    @Test
    void equalByNormalisedValue() {
        assertEquals(Plate.parse("plate", "京a·12345"), Plate.parse("plate", "京A12345"));
        assertEquals(Plate.parse("plate", "京a·12345").hashCode(), Plate.parse("plate", "京A12345").hashCode());
        assertNotEquals(Plate.parse("plate", "京A12345"), Plate.parse("plate", "津A12345"));
        assertFalse(Plate.parse("plate", "京A12345").equals("京A12345"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a 123      | A123",
            "京a·1      | 京A1",
            "ｂｄ１２    | BD12",
            "'  d-12 '  | D12",
    })
    void normalisesFragmentsForSearch(String raw, String expected) {
        assertEquals(expected, Plate.normaliseFragment(raw));
    }

    @Test
    void normalisesNullFragmentToEmpty() {
        assertEquals("", Plate.normaliseFragment(null));
    }
}
