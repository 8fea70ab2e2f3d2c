package org.opendms.vehicle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class VinTest {

    private static Violation refusal(String raw) {
        DmsException e = assertThrows(DmsException.class, () -> Vin.parse("vin", raw));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(1, e.violations().size());
        return e.violations().get(0);
    }

    @ParameterizedTest
    @CsvSource({
            // published example (Wikipedia, "Vehicle identification number"): remainder 10 gives X
            "1M8GDM9AXKP042788, X",
            "11111111111111111, 1",
            "5GZCZ43D13S812715, 1",
            // Chinese WMIs: SAIC VW, FAW-VW, Dongfeng Nissan, GAC Honda, BMW Brilliance, SAIC-GM-Wuling
            "LSVAU218XN2183294, X",
            "LFV2A21K8P4012345, 8",
            "LGBH52E08MY123456, 8",
            "LHGCV1654J8012345, 4",
            "LBV3Z3102KMK12345, 2",
            "LZWADAGA5LB123456, 5",
    })
    void computesCheckDigit(String vin, char expected) {
        assertEquals(expected, Vin.checkDigit(vin));
    }

    @Test
    void checkDigitIgnoresPositionNine() {
        assertEquals('X', Vin.checkDigit("1M8GDM9A0KP042788"));
        assertEquals('X', Vin.checkDigit("1M8GDM9A9KP042788"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1M8GDM9AXKP042788", "11111111111111111", "LSVAU218XN2183294",
            "LFV2A21K8P4012345", "LGBH52E08MY123456", "LHGCV1654J8012345", "LBV3Z3102KMK12345",
            "LZWADAGA5LB123456" })
    void acceptsVinWithCorrectCheckDigit(String raw) {
        assertEquals(raw, Vin.parse("vin", raw).value());
    }

    @ParameterizedTest
    @CsvSource({
            // one character changed from a valid VIN; the expected digit is the one the changed VIN needs
            "LFV2A21K8P4012346, X, 8",
            "LGBH52E08MY123457, X, 8",
            "LSVAU218XN2183295, 1, X",
            "LHGCV1654J8012335, 1, 4",
            "LZWADAGA5LB123466, 8, 5",
            "1M8GDM9AXKP042789, 1, X",
            "LSVAU2185N2183294, X, 5",
    })
    void refusesOneMistypedCharacterNamingTheExpectedCheckDigit(String raw, char expected, char actual) {
        Violation v = refusal(raw);
        assertEquals("vin.check_digit", v.code());
        assertEquals("车架号校验位（第9位）应为 " + expected + "，实为 " + actual + "，请核对是否抄错", v.messageZh());
        assertTrue(v.messageEn().startsWith(
                "VIN check digit (position 9) should be " + expected + " but is " + actual), v.messageEn());
    }

    @Test
    void checkDigitMessageMatchesTheHouseWording() {
        Violation v = refusal("LSVAU2185N2183294");
        assertTrue(v.messageZh().startsWith("车架号校验位（第9位）应为 X，实为 5"), v.messageZh());
        assertTrue(v.messageEn().startsWith("VIN check digit (position 9) should be X but is 5"), v.messageEn());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lsvau218xn2183294       | LSVAU218XN2183294",
            "  LSVAU218XN2183294     | LSVAU218XN2183294",
            "LSV AU218X N2183294     | LSVAU218XN2183294",
            "lsv au21 8xn2 183 294   | LSVAU218XN2183294",
            "ＬＳＶＡＵ２１８ＸＮ２１８３２９４ | LSVAU218XN2183294",
    })
    void normalisesCaseAndSpaces(String raw, String expected) {
        assertEquals(expected, Vin.parse("vin", raw).value());
    }

    @ParameterizedTest
    @CsvSource({
            "LSVAU218XN2I83294, I, 12",
            "OSVAU218XN2183294, O, 1",
            "LSVAU218XN218329Q, Q, 17",
            "LSVAU218XN2183-94, -, 15",
            "lsvau218xn2i83294, I, 12",
    })
    void refusesIOQAndOtherCharactersNamingThePosition(String raw, String character, int position) {
        Violation v = refusal(raw);
        assertEquals("vin.character", v.code());
        assertTrue(v.messageZh().contains("第" + position + "位“" + character + "”"), v.messageZh());
        assertTrue(v.messageEn().contains("'" + character + "' at position " + position), v.messageEn());
    }

    @ParameterizedTest
    @ValueSource(strings = { "LSVAU218XN218329", "LSVAU218XN21832945", "LSV", "LSVAU218XN2183294LSVAU218XN2183294" })
    void refusesWrongLength(String raw) {
        Violation v = refusal(raw);
        assertEquals("vin.length", v.code());
        assertTrue(v.messageZh().contains("实为" + raw.length() + "位"), v.messageZh());
    }

    @Test
    void refusesVeryLongInputBeforeLookingAtIt() {
        assertEquals("vin.length", refusal("1".repeat(10_000)).code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\u3000" })
    void requiresAValue(String raw) {
        assertEquals("required", refusal(raw).code());
    }

    @Test
    void namesTheFieldItWasGiven() {
        DmsException e = assertThrows(DmsException.class, () -> Vin.parse("vehicle.vin", "LSVAU2185N2183294"));
        assertEquals("vehicle.vin", e.violations().get(0).field());
    }

    @Test
    void exposesItsParts() {
        Vin vin = Vin.parse("vin", "LSVAU218XN2183294");
        assertEquals("LSV", vin.wmi());
        assertEquals('N', vin.modelYearCode());
        assertEquals("183294", vin.lastSix());
        assertEquals("LSVAU218XN2183294", vin.toString());
    }

    @Test
    void equalByValue() {
        assertEquals(Vin.parse("vin", "lsvau218xn2183294"), Vin.parse("vin", "LSVAU218XN2183294"));
        assertEquals(Vin.parse("vin", "lsvau218xn2183294").hashCode(),
                Vin.parse("vin", "LSVAU218XN2183294").hashCode());
        assertNotEquals(Vin.parse("vin", "LSVAU218XN2183294"), Vin.parse("vin", "LFV2A21K8P4012345"));
    }

    @Test
    void normalisesFragmentsForSearch() {
        assertEquals("LSV2183294", Vin.normaliseFragment(" lsv 2183294 "));
        assertEquals("", Vin.normaliseFragment(null));
        assertEquals("", Vin.normaliseFragment("  "));
    }

    @Test
    void checkDigitRefusesWhatIsNotAVin() {
        assertThrows(IllegalArgumentException.class, () -> Vin.checkDigit("LSV"));
        assertThrows(IllegalArgumentException.class, () -> Vin.checkDigit(null));
        assertThrows(IllegalArgumentException.class, () -> Vin.checkDigit("LSVAU218XN2I83294"));
    }
}
