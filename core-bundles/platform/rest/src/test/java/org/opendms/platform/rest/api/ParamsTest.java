package org.opendms.platform.rest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;

class ParamsTest {

    @Test
    void anIdHasOneSpellingPlainAsciiDigits() {
        assertEquals(1, Params.id("id", "1"));
        assertEquals(123456789012345678L, Params.id("id", "123456789012345678"));
        for (String odd : new String[] { "１", "+1", "1\n", " 1", "1 ", "0", "-1", "01x", "", "١", "9999999999999999999",
                null }) {
            DmsException e = assertThrows(DmsException.class, () -> Params.id("id", odd), String.valueOf(odd));
            assertEquals("id", e.violations().get(0).field());
        }
    }

    @Test
    void aWholeNumberIsAsciiDigitsAndTooLargeIsOutOfRangeNotWrapped() {
        assertEquals(-3, Params.integer("page", "-3"));
        assertEquals(Integer.MAX_VALUE, Params.integer("page", "2147483647"));
        assertNull(Params.integer("page", ""));
        assertEquals("out_of_range",
                assertThrows(DmsException.class, () -> Params.integer("page", "2147483648")).violations().get(0)
                        .code());
        assertEquals("out_of_range",
                assertThrows(DmsException.class, () -> Params.integer("page", "99999999999999999999")).violations()
                        .get(0).code());
        for (String odd : new String[] { "１", "+1", "1\n", " 1", "-", "1e3", "0x10" }) {
            DmsException e = assertThrows(DmsException.class, () -> Params.integer("size", odd));
            assertEquals("wrong_type", e.violations().get(0).code());
        }
    }

    @Test
    void ifMatchIsTheEtagDigits() {
        assertEquals(3, Params.ifMatch("W/\"3\""));
        assertThrows(DmsException.class, () -> Params.ifMatch("\"３\""));
        assertThrows(DmsException.class, () -> Params.ifMatch("\"+3\""));
    }
}
