package org.opendms.plugin.manager;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.apache.karaf.features.Feature;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the dealer profile at start, the way openHAB reconciles add-ons: repositories registered, enabled plugins
 * installed in the wanted version, others removed, configuration written. A failing plugin is recorded and the next
 * one is still applied. Runs on its own thread, holding the operations lock, so that no admin operation interleaves.
 */
final class BootReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(BootReconciler.class);

    private final Lock operations;
    private final ProfileSync profile;
    private final PluginCatalogue catalogue;
    private final FeatureOperations features;
    private final PluginStatusView view;
    private final OperationLog log;
    private Thread applier;
    /** Set by {@link #stop()} before it interrupts the applier: an interruption is then ours, not Karaf's. */
    private volatile boolean stopping;

    BootReconciler(Lock operations, ProfileSync profile, PluginCatalogue catalogue, FeatureOperations features,
            PluginStatusView view, OperationLog log) {
        this.operations = operations;
        this.profile = profile;
        this.catalogue = catalogue;
        this.features = features;
        this.view = view;
        this.log = log;
    }

    void start() {
        applier = new Thread(this::applyProfile, "dms-dealer-profile");
        applier.setDaemon(true);
        applier.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        applier.interrupt();
        applier.join(TimeUnit.SECONDS.toMillis(30));
    }

    void applyProfile() {
        Actor system = Actor.system();
        operations.lock();
        try {
            long started = System.nanoTime();
            DealerProfile loaded;
            try {
                loaded = profile.load();
            } catch (IOException e) {
                LOG.error("Dealer profile not applied: {}", e.getMessage());
                log.record(system, "APPLY_PROFILE", null, profile.file().toString(), false, e.getMessage(), started);
                return;
            }
            for (Map.Entry<String, DealerProfile.Plugin> e : new TreeMap<>(loaded.plugins).entrySet()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                reconcile(e.getKey(), e.getValue(), system);
            }
            for (Feature installed : catalogue.installedPlugins()) {
                String id = PluginNames.pluginId(installed);
                DealerProfile.Plugin wanted = loaded.plugins.get(id);
                if (wanted == null || !wanted.enabled) {
                    attempt(system, "DISABLE", id, "not enabled in the dealer profile", () -> features.disable(id));
                }
            }
            log.record(system, "APPLY_PROFILE", null, profile.file().toString(), true,
                    loaded.plugins.size() + " plugin(s) in the profile", started);
        } catch (Exception e) {
            LOG.error("Dealer profile not fully applied", e);
        } finally {
            view.profileApplied();
            operations.unlock();
        }
    }

    private void reconcile(String id, DealerProfile.Plugin wanted, Actor system) throws Exception {
        if (wanted.repository != null) {
            attempt(system, "ADD", id, wanted.repository, () -> {
                catalogue.register(PluginNames.parseRepository(wanted.repository));
                return "repository registered";
            });
        }
        profile.applyConfiguration(wanted);
        Feature installed = catalogue.installed(id);
        if (wanted.enabled && installed == null) {
            attempt(system, "ENABLE", id, wanted.version, () -> features.enable(id, wanted.version));
        } else if (wanted.enabled && wanted.version != null
                && !PluginNames.sameVersion(installed.getVersion(), wanted.version)) {
            attempt(system, "UPDATE", id, wanted.version,
                    () -> features.upgrade(id, installed, catalogue.offered(id, wanted.version)));
        }
    }

    /** Runs one start-up step; a failure is recorded and the next plugin is still applied. */
    private void attempt(Actor actor, String action, String id, String detail, Step step) {
        long started = System.nanoTime();
        try {
            String result = InterruptedDeployments.run("Plugin " + id + ": " + action, step, () -> stopping,
                    InterruptedDeployments.ATTEMPTS, InterruptedDeployments.PAUSE_MILLIS);
            view.succeeded(id);
            log.record(actor, action, id, detail, true, result, started);
        } catch (Exception e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                // the platform stops while it enables (stop() interrupts): not a fault; the next start applies it
                Thread.currentThread().interrupt();
                LOG.info("Plugin {}: {} not finished, the platform is stopping; the next start applies it", id, action);
                log.record(actor, action, id, detail, false, "interrupted: the platform is stopping", started);
                return;
            }
            String reason = e instanceof DmsException d ? RefusalReasons.bothLanguages(d)
                    : String.valueOf(e.getMessage());
            view.failed(id, reason);
            LOG.error("Plugin {}: {} failed: {}", id, action, reason);
            log.record(actor, action, id, detail, false, reason, started);
        }
    }

    /** One step of an operation; returns what it did. */
    @FunctionalInterface
    interface Step {
        String run() throws Exception;
    }
}
