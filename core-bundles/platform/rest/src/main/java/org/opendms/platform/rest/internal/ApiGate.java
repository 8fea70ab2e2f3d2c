package org.opendms.platform.rest.internal;

import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds {@code /api} back while the core starts, then lets the JAX-RS whiteboard publish every core resource at once.
 * The Aries whiteboard rebuilds an application's CXF server each time a resource or extension joins or leaves it while
 * it is deployed: over a hundred rebuilds in a restart, over a second of start work on the threads that start the
 * core. What joins an application that is not deployed yet costs nothing, and deploying it builds the server once.
 * The whiteboard waits for this service through {@code application.ready.service.filter} in its configuration
 * ({@code etc/org.apache.aries.jax.rs.whiteboard.default.cfg}).
 * <p>
 * Opened once every core resource is registered ({@link CoreReadiness#registered()}), or once nothing has changed
 * for {@value #QUIET_SECONDS} s: a core that cannot start (or waits for a long migration) still gets
 * {@code /api/health} to say why, and a slow machine that keeps making progress still gets the one build. It stays
 * open while this bundle runs: a core bundle stopped or updated later takes only its own endpoints away, as before.
 * When the platform stops it closes first, so /api goes in one step too instead of one rebuild per resource leaving.
 */
@Component(immediate = true)
public class ApiGate {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGate.class);
    /** Quiet that long while not ready, the core is stuck: /api comes anyway, later resources join one by one. */
    static final long QUIET_SECONDS = 10;
    private static final long CHECK_MILLIS = 100;

    @Reference
    FeaturesService features;

    @Reference
    ServiceComponentRuntime scr;

    private BundleContext context;
    private CoreReadiness core;
    private ScheduledExecutorService checks;
    private final ServiceListener serviceChange = e -> changed();
    private final BundleListener bundleChange = e -> changed();
    private final SynchronousBundleListener platformStopping = e -> {
        if (e.getBundle().getBundleId() == 0 && e.getType() == BundleEvent.STOPPING) {
            close();
        }
    };
    private volatile boolean changed = true;
    private volatile long lastChange;
    private long startedAt;
    private ServiceRegistration<ApiGate> open;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        core = new CoreReadiness(context, features, scr, null);
        startedAt = System.nanoTime();
        lastChange = startedAt;
        // what makes the core ready is a component satisfied or a schema migrated: both register a service
        context.addServiceListener(serviceChange);
        context.addBundleListener(bundleChange);
        context.addBundleListener(platformStopping);
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-api-gate");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(this::check, 0, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(platformStopping);
        close();
    }

    private synchronized void close() {
        stopWatching();
        if (open != null) {
            open.unregister();
            open = null;
        }
    }

    private synchronized void check() {
        if (open != null || checks.isShutdown()) {
            return;
        }
        long now = System.nanoTime();
        long waited = TimeUnit.NANOSECONDS.toMillis(now - startedAt);
        boolean stuck = now - lastChange >= TimeUnit.SECONDS.toNanos(QUIET_SECONDS);
        if (!changed && !stuck) {
            return;
        }
        changed = false;
        boolean registered = core.registered();
        if (!registered && !stuck) {
            return;
        }
        stopWatching();
        open = context.registerService(ApiGate.class, this, new Hashtable<>());
        if (registered) {
            LOG.info("/api opened {} ms after the REST platform started: every core resource is registered", waited);
        } else {
            LOG.warn("/api opened {} ms after the REST platform started, the core still starting and nothing changing "
                    + "for {} s; /api/health (as admin) says what it waits for", waited, QUIET_SECONDS);
        }
    }

    private void changed() {
        changed = true;
        lastChange = System.nanoTime();
    }

    private void stopWatching() {
        context.removeServiceListener(serviceChange);
        context.removeBundleListener(bundleChange);
        checks.shutdown();
    }
}
