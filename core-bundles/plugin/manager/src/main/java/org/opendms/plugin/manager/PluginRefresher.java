package org.opendms.plugin.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opendms.plugin.api.DmsPlugin;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewires a plugin's bundles after an update or removal. Only the plugin's own bundles are refreshed: if a bundle
 * outside the plugins would restart with them, nothing is refreshed, so core bundles keep running.
 */
final class PluginRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRefresher.class);

    private final BundleRefresh framework;
    private final Duration timeout;

    PluginRefresher(BundleRefresh framework, Duration timeout) {
        this.framework = framework;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return false if the framework did not finish the refresh within the timeout */
    boolean refresh(Collection<Bundle> bundles) throws InterruptedException {
        if (bundles.isEmpty()) {
            return true;
        }
        Collection<Bundle> closure = framework.dependencyClosure(bundles);
        List<String> outside = new ArrayList<>();
        for (Bundle b : closure) {
            if (b.getState() != Bundle.UNINSTALLED && b.getHeaders("").get(DmsPlugin.HEADER) == null
                    && !bundles.contains(b)) {
                outside.add(b.getSymbolicName());
            }
        }
        if (!outside.isEmpty()) {
            LOG.warn("Not refreshing plugin bundles: {} outside the plugin would restart", outside);
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        framework.start(closure, done::countDown);
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
