package org.opendms.plugin.manager;

import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf re-creates its features service when the service's configuration changes, which a first start does while it
 * installs the boot features; a deployment then under way is interrupted. The dealer profile's plugins are applied
 * at that very moment, and such a plugin was refused for the whole run ("cannot be installed:
 * InterruptedException"). That is not the plugin's fault: the step is run again once the service is back. An
 * admin's operation (REST, console) can meet the same moment and is run again the same way.
 */
final class InterruptedDeployments {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedDeployments.class);
    /** How often a step meets an interrupted deployment before it fails: Karaf's service is back within seconds. */
    static final int ATTEMPTS = 5;
    static final long PAUSE_MILLIS = 2_000;

    private InterruptedDeployments() {
    }

    /**
     * Runs the step; while it fails because a deployment was interrupted, and the caller is not stopping, waits
     * {@code pauseMillis} and runs it again, at most {@code attempts} times in all.
     *
     * @param stopping whether the caller itself is stopping (it interrupts its own thread): then nothing is retried
     */
    static String run(String what, BootReconciler.Step step, BooleanSupplier stopping, int attempts,
            long pauseMillis) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return step.run();
            } catch (Exception e) {
                if (attempt >= attempts || stopping.getAsBoolean() || !interrupted(e)) {
                    throw e;
                }
                LOG.info("{}: the features service was interrupted (it restarts); trying again ({} of {})", what,
                        attempt + 1, attempts);
                Thread.sleep(pauseMillis); // an interrupt here is the caller stopping: it ends the retries
            }
        }
    }

    /** Whether an interruption is among the failure's causes. */
    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
