package org.opendms.customer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

class MobileTest {

    private static Violation refusal(String raw) {
        DmsException e = assertThrows(DmsException.class, () -> Mobile.parse("mobile", raw));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(1, e.violations().size());
        return e.violations().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "13812341234",
            "138 1234 1234",
            "138-1234-1234",
            " 13812341234 ",
            "+86 138-1234-1234",
            "+8613812341234",
            "0086 13812341234",
            "86 13812341234",
            "8613812341234",
    })
    void acceptsAndNormalises(String raw) {
        assertEquals("13812341234", Mobile.parse("mobile", raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = { "13000000000", "14512345678", "16612345678", "19912345678" })
    void acceptsEveryMobileRange(String raw) {
        assertEquals(raw, Mobile.parse("mobile", raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12812341234", // 12x is not a mobile range
            "10812341234",
            "23812341234",
            "1381234123", // 10 digits
            "138123412345", // 12 digits
            "abc",
            "1381234123a",
            "+85213812341234", // Hong Kong prefix
            "+86 1381234123", // prefix, but 10 digits after it
            "86138123412", // 86 followed by 9 digits is not dropped, and is no mobile number
            "010-12345678", // a landline
            "138_1234_1234",
    })
    void refusesWithFormatCode(String raw) {
        Violation v = refusal(raw);
        assertEquals("mobile.format", v.code());
        assertEquals("手机号格式不正确：应为11位大陆手机号，如 13812341234", v.messageZh());
        assertEquals("mobile must be an 11-digit mainland number starting 13–19, e.g. 13812341234", v.messageEn());
    }

    @Test
    void refusesLongInputBeforeLookingAtIt() {
        assertEquals("mobile.format", refusal("1".repeat(10_000)).code());
        assertEquals("mobile.format", refusal("13812341234" + " ".repeat(10)).code());
    }

    @Test
    void acceptsTwentyCharacters() {
        assertEquals("13812341234", Mobile.parse("mobile", "13812341234" + " ".repeat(9)).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\u3000" })
    void requiresAValue(String raw) {
        assertEquals("required", refusal(raw).code());
    }

    @Test
    void refusalNeverRepeatsTheNumber() {
        DmsException e = assertThrows(DmsException.class, () -> Mobile.parse("mobile", "1397654321"));
        Violation v = e.violations().get(0);
        assertFalse(e.getMessage().contains("1397654321"));
        assertFalse(v.messageZh().contains("1397654321"));
        assertFalse(v.messageEn().contains("1397654321"));
    }

    @Test
    void namesTheFieldItWasGiven() {
        DmsException e = assertThrows(DmsException.class, () -> Mobile.parse("contact.mobile", "12812341234"));
        assertEquals("contact.mobile", e.violations().get(0).field());
    }

    @Test
    void masksForDisplayAndLogs() {
        Mobile mobile = Mobile.parse("mobile", "+86 138-5678-1234");
        assertEquals("13856781234", mobile.value());
        assertEquals("138****1234", mobile.masked());
        assertEquals("138****1234", mobile.toString());
        assertEquals("customer 138****1234", "customer " + mobile);
    }

    @Test
    void equalByValue() {
        assertEquals(Mobile.parse("mobile", "138 1234 1234"), Mobile.parse("mobile", "+8613812341234"));
        assertEquals(Mobile.parse("mobile", "138 1234 1234").hashCode(),
                Mobile.parse("mobile", "+8613812341234").hashCode());
        // same masked form, different numbers
        assertNotEquals(Mobile.parse("mobile", "13812341234"), Mobile.parse("mobile", "13899991234"));
    }
}
