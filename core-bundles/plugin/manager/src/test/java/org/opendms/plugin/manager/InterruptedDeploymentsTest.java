package org.opendms.plugin.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;

class InterruptedDeploymentsTest {

    /** What the plugin manager made of Karaf's deployment interrupted while its features service restarted. */
    private static DmsException refusedByAnInterruptedDeployment() {
        DmsException refused = DmsException.conflict("id", "plugin.unresolvable", "插件 insurance 无法安装",
                "plugin insurance cannot be installed: java.lang.InterruptedException");
        refused.initCause(new IllegalStateException(new InterruptedException()));
        return refused;
    }

    @Test
    void aPluginWhoseDeploymentWasInterruptedIsInstalledOnceTheFeaturesServiceIsBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = InterruptedDeployments.run("Plugin insurance: ENABLE", () -> {
            if (calls.incrementAndGet() < 3) {
                throw refusedByAnInterruptedDeployment();
            }
            return "enabled";
        }, () -> false, 5, 1);
        assertEquals("enabled", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aRealRefusalIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        DmsException unresolvable = DmsException.conflict("id", "plugin.unresolvable", "缺少 API", "API missing");
        DmsException thrown = assertThrows(DmsException.class, () -> InterruptedDeployments.run("p", () -> {
            calls.incrementAndGet();
            throw unresolvable;
        }, () -> false, 5, 1));
        assertSame(unresolvable, thrown);
        assertEquals(1, calls.get());
    }

    /** A step whose deployment is interrupted every time, counting its calls. */
    private static BootReconciler.Step alwaysInterrupted(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            throw refusedByAnInterruptedDeployment();
        };
    }

    @Test
    void whenThePlatformStopsTheInterruptionEndsTheStep() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(DmsException.class,
                () -> InterruptedDeployments.run("p", alwaysInterrupted(calls), () -> true, 5, 1));
        assertEquals(1, calls.get());
    }

    @Test
    void aServiceThatKeepsBeingInterruptedFailsTheStepAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(DmsException.class,
                () -> InterruptedDeployments.run("p", alwaysInterrupted(calls), () -> false, 4, 1));
        assertEquals(4, calls.get());
    }
}
