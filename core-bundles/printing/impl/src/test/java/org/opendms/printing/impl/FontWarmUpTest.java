package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * The font is parsed in the background after start, once the machine is quiet, so the cashier's first bill does not
 * wait for it and the desk's requests do not share the CPU with it; a bundle stopped before the warm-up leaves nothing
 * running and nothing parsed.
 */
class FontWarmUpTest {

    @Test
    void theFontIsParsedInTheBackgroundWithoutAPrint() throws Exception {
        CjkFont.forget();
        assertFalse(CjkFont.parsed());
        Thread t = CjkFont.warmUpLater(Duration.ZERO, () -> 0.05);
        t.join(60_000);
        assertFalse(t.isAlive());
        assertTrue(CjkFont.parsed(), "parsed without any sheet printed");
    }

    @Test
    void aBusyMachineIsLeftAloneAndTheFirstPrintParses() throws Exception {
        CjkFont.forget();
        // the desk's requests keep both cores busy: the warm-up waits instead of taking CPU from them
        Thread t = CjkFont.warmUpLater(Duration.ZERO, () -> 0.9);
        t.join(CjkFont.QUIET_SECONDS * 1000L + 2000);
        assertTrue(t.isAlive(), "still waiting for a quiet machine");
        assertFalse(CjkFont.parsed());
        // the first print parses it; the warm-up then has nothing left to do and ends without waiting further
        synchronized (CjkFont.LOCK) {
            try (PDDocument doc = new PDDocument()) {
                CjkFont.load(doc);
            }
        }
        t.join(5_000);
        assertFalse(t.isAlive());
        assertTrue(CjkFont.parsed());
    }

    @Test
    void anUnknownLoadCountsAsQuiet() throws Exception {
        CjkFont.forget();
        Thread t = CjkFont.warmUpLater(Duration.ZERO, () -> -1);
        t.join(60_000);
        assertTrue(CjkFont.parsed(), "a JVM that does not tell its load still warms up");
    }

    @Test
    void theJvmTellsTheMachinesLoad() throws Exception {
        CjkFont.machineLoad(); // the JVM measures the load between two reads
        Thread.sleep(200);
        double load = CjkFont.machineLoad();
        assertTrue(load >= 0 && load <= 1, "CpuLoad of the platform's JVM: " + load);
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
