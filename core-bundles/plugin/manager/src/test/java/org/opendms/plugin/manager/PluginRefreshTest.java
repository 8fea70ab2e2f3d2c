package org.opendms.plugin.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.security.PermissionTable;
import org.opendms.plugin.api.DmsPlugin;
import org.opendms.plugin.api.manage.PluginOperation;
import org.opendms.plugin.api.manage.PluginState;
import org.opendms.plugin.api.manage.PluginStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The manager reloading an enabled plugin (update without a repository) whose bundles the framework refreshes. Karaf
 * and the framework are stood in for by the few answers the manager reads from them; the refresh itself goes through
 * {@link BundleRefresh}.
 */
class PluginRefreshTest {

    private static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN), Channel.REST);

    @TempDir
    Path home;

    @Test
    void aReloadWhoseRefreshNeverFinishesIsReportedAsFailedNotDone() throws IOException {
        // the framework never reports PACKAGES_REFRESHED
        FeaturePluginManager manager = managerWithInsurance(refresh(finished -> {
        }));

        DmsException refused = assertThrows(DmsException.class, () -> manager.update("insurance", null, ADMIN));
        String zh = refused.violations().get(0).messageZh();
        String en = refused.violations().get(0).messageEn();
        assertTrue(zh.contains("insurance") && zh.contains("刷新") && zh.contains("超时"), zh);
        assertTrue(en.contains("insurance") && en.contains("refresh") && en.contains("did not finish"), en);

        PluginStatus status = manager.get("insurance", ADMIN);
        assertEquals(PluginState.FAILED, status.state());
        assertTrue(status.problem().contains(zh) && status.problem().contains(en), status.problem());

        PluginOperation recorded = manager.operations(1, ADMIN).get(0);
        assertEquals("UPDATE", recorded.action());
        assertFalse(recorded.succeeded(), recorded.toString());
        assertEquals(zh + " / " + en, recorded.result());
    }

    @Test
    void aReloadWhoseRefreshFinishesIsDoneAndTheNextOneClearsAnEarlierTimeout() throws IOException {
        boolean[] finishes = { false };
        FeaturePluginManager manager = managerWithInsurance(refresh(finished -> {
            if (finishes[0]) {
                new Thread(finished).start();
            }
        }));
        assertThrows(DmsException.class, () -> manager.update("insurance", null, ADMIN));

        finishes[0] = true;
        PluginStatus status = manager.update("insurance", null, ADMIN);
        assertEquals(PluginState.ACTIVE, status.state());
        assertEquals(null, status.problem());
        PluginOperation recorded = manager.operations(1, ADMIN).get(0);
        assertTrue(recorded.succeeded(), recorded.toString());
        assertEquals("1 bundle(s) reloaded: ACTIVE", recorded.result());
        // the audit trail is told the plugin's state before and after, by whom (a refused update is not a change)
        assertEquals(1, trail.size(), trail.toString());
        Object[] change = trail.get(0);
        assertEquals("admin/plugin/insurance", change[0]);
        assertEquals(PluginState.FAILED, ((PluginStatus) change[1]).state());
        assertEquals(PluginState.ACTIVE, ((PluginStatus) change[2]).state());
    }

    /** What the manager handed to the audit trail: "who/type/id", before, after. */
    final List<Object[]> trail = new java.util.ArrayList<>();

    /** A refresh of only the given bundles that tells {@code whenStarted} how to report it finished. */
    private static BundleRefresh refresh(Consumer<Runnable> whenStarted) {
        return new BundleRefresh() {
            @Override
            public Collection<Bundle> dependencyClosure(Collection<Bundle> bundles) {
                return bundles;
            }

            @Override
            public void start(Collection<Bundle> bundles, Runnable finished) {
                whenStarted.accept(finished);
            }
        };
    }

    /** A manager whose dealer profile has the insurance plugin enabled, installed and running, its profile applied. */
    private FeaturePluginManager managerWithInsurance(BundleRefresh refresh) throws IOException {
        Files.writeString(home.resolve(ProfileStore.FILE_NAME), "{\"plugins\":{\"insurance\":{\"enabled\":true}}}");
        Feature feature = fake(Feature.class, Map.of("getName", a -> DmsPlugin.FEATURE_PREFIX + "insurance",
                "getVersion", a -> "1.0.0", "getDescription", a -> "车险 Insurance",
                "getRepositoryUrl", a -> "mvn:org.opendms/insurance-features/1.0.0/xml/features",
                "getBundles", a -> List.of()));
        Hashtable<String, String> headers = new Hashtable<>(Map.of(DmsPlugin.HEADER, "insurance"));
        Bundle bundle = fake(Bundle.class, Map.of("getHeaders", a -> headers, "getState", a -> Bundle.ACTIVE,
                "getSymbolicName", a -> "org.opendms.plugin.insurance", "getVersion", a -> new Version(1, 0, 0),
                "getBundleId", a -> 42L, "update", a -> null));
        BundleContext context = fake(BundleContext.class, Map.of("getBundles", a -> new Bundle[] { bundle },
                "getServiceReferences", a -> null));
        FeaturePluginManager manager = new FeaturePluginManager();
        manager.features = fake(FeaturesService.class, Map.of("listInstalledFeatures", a -> new Feature[] { feature },
                "listFeatures", a -> new Feature[] { feature }, "getFeatures", a -> new Feature[] { feature },
                "getRepository", a -> null));
        manager.scr = fake(ServiceComponentRuntime.class, Map.of("getComponentDescriptionDTOs", a -> List.of()));
        manager.configAdmin = fake(ConfigurationAdmin.class, Map.of());
        manager.permissions = PermissionTable.of();
        manager.audit = new AuditTrail() {
            @Override
            public int record(EntityManager em, Actor actor, String type, Object id, Object before, Object after) {
                throw new IllegalStateException("the plugin manager has no transaction of its own");
            }

            @Override
            public int record(Actor actor, String type, Object id, Object before, Object after) {
                trail.add(new Object[] { actor.username() + "/" + type + "/" + id, before, after });
                return 1;
            }

            @Override
            public Page<AuditEntry> search(AuditQuery query, PageRequest page, Actor actor) {
                throw new UnsupportedOperationException();
            }
        };
        manager.wire(context, home, null, new PluginRefresher(refresh, Duration.ofMillis(300)));
        manager.boot.applyProfile();
        assertEquals(PluginState.ACTIVE, manager.get("insurance", ADMIN).state());
        return manager;
    }

    /** An interface answering only the named methods; any other call fails the test, naming the method. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return type.getSimpleName();
            default:
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return answer.apply(args);
        });
    }
}
