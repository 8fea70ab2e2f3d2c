package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

class ShopSettingsFormTest {

    private static ShopSettingsForm form(String opens, String closes, int slot, String vat, int comebackDays) {
        return new ShopSettingsForm("v1", "Asia/Shanghai", opens, closes, slot, 6, 8, new BigDecimal(vat),
                comebackDays, 3000, 5000, 6, 30);
    }

    private static List<String> refused(ShopSettingsForm f) {
        DmsException e = assertThrows(DmsException.class, () -> f.check("Asia/Shanghai"));
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void theShippedSettingsPass() {
        assertDoesNotThrow(() -> form("08:30", "17:30", 60, "0.13", 30).check("Asia/Shanghai"));
        assertDoesNotThrow(() -> form("08:30", "17:30", 60, "0.1300", 30).check("Asia/Shanghai"));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertEquals(List.of("closes", "vatRate", "comebackDays"), refused(form("17:00", "09:00", 60, "0.2", 0)));
        assertEquals(List.of("vatRate"), refused(form("08:30", "17:30", 60, "0.12345", 30)));
        assertEquals(List.of("vatRate"), refused(form("08:30", "17:30", 60, "-0.01", 30)));
        assertEquals(List.of("opens"), refused(form("8:30", "17:30", 60, "0.13", 30)));
        // a day shorter than one slot has no slot at all
        assertEquals(List.of("closes"), refused(form("08:30", "09:00", 60, "0.13", 30)));
    }

    @Test
    void theTimeZoneIsReadOnly() {
        ShopSettingsForm f = form("08:30", "17:30", 60, "0.13", 30);
        DmsException e = assertThrows(DmsException.class, () -> f.check("Europe/Berlin"));
        assertEquals("read_only", e.violations().get(0).code());
    }

    @Test
    void theVersionFollowsTheValuesNotTheirSpelling() {
        assertEquals(form("08:30", "17:30", 60, "0.13", 30).versioned().version(),
                form("08:30", "17:30", 60, "0.130", 30).versioned().version());
        assertNotEquals(form("08:30", "17:30", 60, "0.13", 30).versioned().version(),
                form("08:30", "17:30", 60, "0.13", 31).versioned().version());
    }
}
