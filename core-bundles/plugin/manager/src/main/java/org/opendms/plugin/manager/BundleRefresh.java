package org.opendms.plugin.manager;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The framework's bundle refresh as the manager uses it. An interface so that a refresh which never finishes can be
 * tested without a framework.
 */
interface BundleRefresh {

    /** The given bundles and every bundle wired to them: all that a refresh of them restarts. */
    Collection<Bundle> dependencyClosure(Collection<Bundle> bundles);

    /** Starts refreshing the bundles; {@code finished} runs once the framework is done (or reports an error). */
    void start(Collection<Bundle> bundles, Runnable finished);

    /** The running framework's refresh. */
    static BundleRefresh of(BundleContext context) {
        return new BundleRefresh() {
            @Override
            public Collection<Bundle> dependencyClosure(Collection<Bundle> bundles) {
                return wiring().getDependencyClosure(bundles);
            }

            @Override
            public void start(Collection<Bundle> bundles, Runnable finished) {
                wiring().refreshBundles(bundles, event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED
                            || event.getType() == FrameworkEvent.ERROR) {
                        finished.run();
                    }
                });
            }

            private FrameworkWiring wiring() {
                return context.getBundle(0).adapt(FrameworkWiring.class);
            }
        };
    }
}
