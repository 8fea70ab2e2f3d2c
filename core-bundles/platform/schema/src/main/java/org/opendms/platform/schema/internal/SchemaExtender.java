package org.opendms.platform.schema.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.opendms.platform.api.schema.SchemaFailed;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.schema.migrator.ChangelogMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.resource.OSGiResourceAccessor;

/**
 * Migrates the schema of every active bundle that names a changelog in its {@code DMS-Changelog} header, one
 * bundle at a time, then registers {@link SchemaReady} for it. Services reference that marker, so they start only
 * on an up-to-date schema. The DataSource reference is static: switching the database (editing the pax-jdbc
 * configuration) restarts this component, which withdraws every marker and migrates the new database first.
 */
@Component(immediate = true, service = {})
public class SchemaExtender implements BundleTrackerCustomizer<SchemaExtender.TrackedSchema> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    @Reference(target = "(osgi.jndi.service.name=dms)")
    DataSource dataSource;

    private BundleContext context;
    private ExecutorService worker;
    private BundleTracker<TrackedSchema> tracker;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        // one thread: Liquibase's lock table would serialise them anyway, and Derby prefers one writer of DDL
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "dms-schema-migrations"));
        tracker = new BundleTracker<>(bundleContext, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public TrackedSchema addingBundle(Bundle bundle, BundleEvent event) {
        String changelog = bundle.getHeaders("").get(SchemaReady.CHANGELOG_HEADER);
        if (changelog == null || changelog.isBlank()) {
            return null;
        }
        TrackedSchema tracked = new TrackedSchema(bundle, changelog.trim());
        worker.execute(tracked::migrate);
        return tracked;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, TrackedSchema tracked) {
        // nothing: a bundle update passes through RESOLVED, so it is removed and added again
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, TrackedSchema tracked) {
        tracked.withdraw();
    }

    /** One bundle's schema: migrated on the worker, withdrawn when the bundle stops. */
    final class TrackedSchema {
        private final Bundle bundle;
        private final String changelog;
        private ServiceRegistration<?> registration;
        private boolean withdrawn;

        TrackedSchema(Bundle bundle, String changelog) {
            this.bundle = bundle;
            this.changelog = changelog;
        }

        void migrate() {
            synchronized (this) {
                if (withdrawn) {
                    return;
                }
            }
            String name = bundle.getSymbolicName();
            long started = System.nanoTime();
            String version;
            try {
                // the changelog's files read as plain entries, Liquibase's accessor made only if Liquibase has to run
                version = ChangelogMigrator.migrate(dataSource, changelog, this::entry,
                        () -> new OSGiResourceAccessor(bundle));
            } catch (RuntimeException | LinkageError e) {
                // a LinkageError too (a class Liquibase needs is missing in OSGi): on the worker it would end the
                // task silently and leave the bundle's services waiting with no word in the log
                LOG.error("Schema of {} could not be migrated with {}; its services stay stopped: {}", name,
                        changelog, e.getMessage(), e);
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(SchemaReady.BUNDLE, name);
                String reason = String.valueOf(e.getMessage());
                publish(SchemaFailed.class.getName(), new FailedSchema(name, reason), props);
                return;
            }
            LOG.info("Schema of {} is at {} ({} ms)", name, version, (System.nanoTime() - started) / 1_000_000);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(SchemaReady.BUNDLE, name);
            props.put(SchemaReady.VERSION, version);
            publish(SchemaReady.class.getName(), new ReadySchema(name, version), props);
        }

        /**
         * A changelog file's bytes from the bundle itself, or null (then Liquibase finds it, or says it is missing).
         */
        private byte[] entry(String path) {
            URL url = bundle.getEntry(path);
            if (url == null) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            } catch (IOException unreadable) {
                return null;
            }
        }

        /**
         * Registers the service without holding this object's lock: registering starts the bundle's components
         * synchronously, which may wait for the framework's global lock, while a refresh holding that lock stops the
         * bundle and waits here in {@link #withdraw()} (a deadlock seen in a plugin's hot update).
         */
        private void publish(String type, Object service, Dictionary<String, Object> props) {
            synchronized (this) {
                if (withdrawn) {
                    return;
                }
            }
            ServiceRegistration<?> published = context.registerService(type, service, props);
            synchronized (this) {
                if (!withdrawn) {
                    registration = published;
                    return;
                }
            }
            unregister(published); // the bundle stopped while it was being registered
        }

        void withdraw() {
            ServiceRegistration<?> published;
            synchronized (this) {
                withdrawn = true;
                published = registration;
                registration = null;
            }
            unregister(published);
        }

        private void unregister(ServiceRegistration<?> published) {
            if (published != null) {
                try {
                    published.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregistered it when this bundle stopped
                }
            }
        }
    }

    record ReadySchema(String bundle, String version) implements SchemaReady {
    }

    record FailedSchema(String bundle, String reason) implements SchemaFailed {
    }
}
