package org.opendms.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The free ratio bin/setenv names for after the start reaches the running JVM; anything else leaves it alone. */
class MemoryAfterStartTest {

    private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String min;
    private String max;

    @BeforeEach
    void remember() {
        min = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
        max = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
        hotSpot.setVMOption("MaxHeapFreeRatio", "70");
        hotSpot.setVMOption("MinHeapFreeRatio", "40");
    }

    @AfterEach
    void restore() {
        hotSpot.setVMOption("MinHeapFreeRatio", "0");
        hotSpot.setVMOption("MaxHeapFreeRatio", max);
        hotSpot.setVMOption("MinHeapFreeRatio", min);
    }

    @Test
    void theHeapIsCompactedTightlyThenTheRatioForAfterTheStartIsApplied() {
        MemoryAfterStart.applyFreeRatio("40-70", true);
        assertEquals("10", hotSpot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("10", hotSpot.getVMOption("MaxHeapFreeRatio").getValue(), "compacting: no room above 10 %");
        MemoryAfterStart.applyFreeRatio("40-70", false);
        assertEquals("40", hotSpot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("70", hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
    }

    @Test
    void aMinimumBelowTheCompactionsRatioIsCompactedTo() {
        MemoryAfterStart.applyFreeRatio("5-30", true);
        assertEquals("5", hotSpot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("5", hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
        MemoryAfterStart.applyFreeRatio("5-30", false);
        assertEquals("5", hotSpot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("30", hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
    }

    @Test
    void noRatioOrAGarbledOneLeavesTheStartRatio() {
        MemoryAfterStart.applyFreeRatio(null, false);
        MemoryAfterStart.applyFreeRatio("ten-thirty", false);
        MemoryAfterStart.applyFreeRatio("10", true);
        MemoryAfterStart.applyFreeRatio("30-10", true); // minimum above the maximum
        MemoryAfterStart.applyFreeRatio("10-300", false); // a maximum above 100 %
        assertEquals("40", hotSpot.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals("70", hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
