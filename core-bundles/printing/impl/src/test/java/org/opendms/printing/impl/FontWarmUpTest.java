package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The font is parsed in the background after start, so the cashier's first bill does not wait for it; a bundle
 * stopped before the warm-up leaves nothing running and nothing parsed.
 */
class FontWarmUpTest {

    @Test
    void theFontIsParsedInTheBackgroundWithoutAPrint() throws Exception {
        CjkFont.forget();
        assertFalse(CjkFont.parsed());
        Thread t = CjkFont.warmUpLater(Duration.ZERO);
        t.join(60_000);
        assertFalse(t.isAlive());
        assertTrue(CjkFont.parsed(), "parsed without any sheet printed");
    }

    @Test
    void aStopBeforeTheDelayParsesNothing() throws Exception {
        CjkFont.forget();
        Thread t = CjkFont.warmUpLater(Duration.ofMinutes(10));
        CjkFont.stopWarmUp(t);
        t.join(10_000);
        assertFalse(t.isAlive(), "the thread ends when the bundle stops");
        assertFalse(CjkFont.parsed());
    }
}
