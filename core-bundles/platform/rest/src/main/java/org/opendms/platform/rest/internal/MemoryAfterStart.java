package org.opendms.platform.rest.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.karaf.features.BootFinished;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the memory of the start back: a few seconds after Karaf has installed the boot features (the core then
 * answers), full collections compact the heap and the serial collector returns what is free beyond
 * {@code MaxHeapFreeRatio} (bin/setenv) to the system. A first start on an empty database otherwise kept the
 * resolver's, Liquibase's and the migrations' garbage committed (about 60 MB) until the first full collection, hours
 * later on a quiet desk. Once per start; {@code -XX:+DisableExplicitGC} turns it off.
 * <p>
 * The compaction runs with a tight free ratio ({@value #COMPACT_FREE_RATIO} %); afterwards the ratio of
 * {@value #RATIO_AFTER_START} ("min-max" percent, bin/setenv: 40-70) holds. Its minimum decides how the heap grows
 * under the desk's load: with 10 % the old generation stayed just above what was live, and a plate lookup at 4,600
 * requests a second paid a full collection (120-150 ms, every waiting request with it) every few seconds; with 40 %
 * none in minutes. One more collection under that ratio gives the heap its room before load comes (the pages of the
 * room become resident only as they are used).
 */
@Component(immediate = true)
public class MemoryAfterStart {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAfterStart.class);
    /** Long enough for the core's endpoints and the enabled plugins to come up after the boot features. */
    static final long SETTLE_SECONDS = 8;
    static final String RATIO_AFTER_START = "dms.heap.freeRatioAfterStart";
    /** The free ratio compacted to (or the configured minimum, when that is lower). */
    static final int COMPACT_FREE_RATIO = 10;

    /** Registered by Karaf once the boot features are installed. */
    @Reference
    BootFinished boot;

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-memory-after-start");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(MemoryAfterStart::compact, SETTLE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    static void compact() {
        String ratio = System.getProperty(RATIO_AFTER_START);
        // compact with both ratios at the tight one, then apply the ratio for afterwards: the heap is then as small
        // as the tight ratio allows, not wherever the start's growth left it
        applyFreeRatio(ratio, true);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory();
        // the serial collector shrinks a generation by 0 %, 10 %, 40 %, then 100 % of the excess on successive full
        // collections: four are needed to come down to MaxHeapFreeRatio (about 100 ms each here)
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        applyFreeRatio(ratio, false);
        // one more with the ratio for afterwards: the heap takes its free room now, while the platform is quiet, not
        // through full collections under the first minute of load (the desk's first searches paid them: p99 88 ms)
        if (ratio != null) {
            System.gc();
        }
        LOG.info("Start settled: heap {} MB committed -> {} MB ({} MB in use)", before >> 20, rt.totalMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /**
     * Sets Min/MaxHeapFreeRatio (both manageable at run time) to "min-max", or both to the compaction's ratio when
     * compacting; nothing when absent or not understood.
     */
    static void applyFreeRatio(String minMax, boolean compacting) {
        if (minMax == null || !minMax.matches("\\d{1,2}-\\d{1,3}")) {
            return;
        }
        String min = minMax.substring(0, minMax.indexOf('-'));
        String max = minMax.substring(minMax.indexOf('-') + 1);
        if (Integer.parseInt(min) > Integer.parseInt(max) || Integer.parseInt(max) > 100) {
            LOG.warn(
                    "Heap free ratio {} ({}) not applied after start: the minimum must not exceed the maximum, nor the "
                            + "maximum 100",
                    minMax, RATIO_AFTER_START);
            return;
        }
        if (compacting) {
            min = Integer.toString(Math.min(COMPACT_FREE_RATIO, Integer.parseInt(min)));
            max = min;
        }
        try {
            ObjectName hotSpot = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
            // the JVM refuses a minimum above the current maximum: when raising both, the minimum goes after
            if (!trySetVmOption(hotSpot, "MinHeapFreeRatio", min)) {
                setVmOption(hotSpot, "MaxHeapFreeRatio", max);
                setVmOption(hotSpot, "MinHeapFreeRatio", min);
                return;
            }
            setVmOption(hotSpot, "MaxHeapFreeRatio", max);
        } catch (JMException | RuntimeException e) {
            LOG.warn("Heap free ratio {} not applied after start: {}", minMax, e.toString());
        }
    }

    private static boolean trySetVmOption(ObjectName hotSpot, String name, String value) {
        try {
            setVmOption(hotSpot, name, value);
            return true;
        } catch (JMException | RuntimeException refused) {
            return false;
        }
    }

    private static void setVmOption(ObjectName hotSpot, String name, String value) throws JMException {
        ManagementFactory.getPlatformMBeanServer().invoke(hotSpot, "setVMOption", new Object[] { name, value },
                new String[] { String.class.getName(), String.class.getName() });
    }
}
