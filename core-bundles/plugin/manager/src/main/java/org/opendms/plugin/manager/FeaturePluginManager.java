package org.opendms.plugin.manager;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.apache.karaf.features.Repository;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.api.Violation;
import org.opendms.plugin.api.DmsPlugin;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginOperation;
import org.opendms.plugin.api.manage.PluginState;
import org.opendms.plugin.api.manage.PluginStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins as Karaf features named {@code dms-plugin-<id>}, reconciled with the dealer profile the way openHAB
 * reconciles add-ons: at start the profile is applied (repositories registered, enabled plugins installed, others
 * removed, configuration written), and every later change is written back to it. Every change is resolved first
 * with Karaf's simulate option, so an incompatible or broken plugin is refused before anything is touched, and
 * bundles are never refreshed automatically, so core bundles keep running through every plugin operation.
 */
@Component(service = {PluginManager.class, ConfigurationListener.class}, immediate = true)
public class FeaturePluginManager implements PluginManager, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePluginManager.class);
    /** Karaf's own rule: no automatic refresh, so bundles outside the plugin never restart. */
    private static final EnumSet<Option> KEEP_CORE_RUNNING = EnumSet.of(Option.NoAutoRefreshBundles);
    private static final long GRACE_MILLIS = 60_000;
    private static final long SETTLE_MILLIS = 60_000;
    private static final Set<String> INTERNAL_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", "org.apache.karaf.features.configKey");

    @Reference
    FeaturesService features;

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    ServiceComponentRuntime scr;

    @Reference
    Permissions permissions;

    /** The profile is applied once Karaf has installed its boot features, never in the middle of that. */
    @Reference
    BootFinished bootFinished;

    private final ReentrantLock operations = new ReentrantLock(true);
    private final Map<String, Long> enabledAt = new ConcurrentHashMap<>();
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
    private final Object profileLock = new Object();
    private BundleContext context;
    private ProfileStore store;
    private OperationLog log;
    private PluginInspector inspector;
    private volatile DealerProfile profile = new DealerProfile();
    private Thread applier;
    /** True until the dealer profile has been applied at start: a wanted plugin not yet running is STARTING. */
    private volatile boolean applyingProfile = true;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        Path home = dealerHome();
        String etc = System.getProperty("karaf.etc");
        store = new ProfileStore(home, etc == null ? null : Paths.get(etc, "dms-dealer-profile.json"));
        log = new OperationLog(home);
        inspector = new PluginInspector(bundleContext, scr);
        applier = new Thread(this::applyProfile, "dms-dealer-profile");
        applier.setDaemon(true);
        applier.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        applier.interrupt();
        applier.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** The dealer home: -Ddms.dealer.home (bin/setenv sets it from DMS_DEALER_HOME), else {karaf.home}/dealer. */
    static Path dealerHome() {
        String configured = System.getProperty("dms.dealer.home");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return Paths.get(System.getProperty("karaf.home", "."), "dealer");
    }

    // ---------------------------------------------------------------- the dealer profile applied at start

    private void applyProfile() {
        Actor system = Actor.system();
        operations.lock();
        try {
            long started = System.nanoTime();
            DealerProfile loaded;
            try {
                loaded = store.load();
            } catch (IOException e) {
                LOG.error("Dealer profile not applied: {}", e.getMessage());
                record(system, "APPLY_PROFILE", null, store.file().toString(), false, e.getMessage(), started);
                return;
            }
            profile = loaded;
            for (Map.Entry<String, DealerProfile.Plugin> e : new TreeMap<>(loaded.plugins).entrySet()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                reconcile(e.getKey(), e.getValue(), system);
            }
            for (Feature installed : features.listInstalledFeatures()) {
                String id = pluginId(installed);
                DealerProfile.Plugin wanted = id == null ? null : loaded.plugins.get(id);
                if (id != null && (wanted == null || !wanted.enabled)) {
                    attempt(system, "DISABLE", id, "not enabled in the dealer profile", () -> doDisable(id));
                }
            }
            record(system, "APPLY_PROFILE", null, store.file().toString(), true,
                    loaded.plugins.size() + " plugin(s) in the profile", started);
        } catch (Exception e) {
            LOG.error("Dealer profile not fully applied", e);
        } finally {
            applyingProfile = false;
            operations.unlock();
        }
    }

    private void reconcile(String id, DealerProfile.Plugin wanted, Actor system) throws Exception {
        if (wanted.repository != null) {
            attempt(system, "ADD", id, wanted.repository, () -> {
                registerRepository(parseRepository(wanted.repository));
                return "repository registered";
            });
        }
        applyConfiguration(wanted);
        Feature installed = installedFeature(id);
        if (wanted.enabled && installed == null) {
            attempt(system, "ENABLE", id, wanted.version, () -> doEnable(id, wanted.version));
        } else if (wanted.enabled && wanted.version != null && !sameVersion(installed.getVersion(), wanted.version)) {
            attempt(system, "UPDATE", id, wanted.version, () -> doUpgrade(id, installed, offered(id, wanted.version)));
        }
    }

    /** Runs one start-up step; a failure is recorded and the next plugin is still applied. */
    private void attempt(Actor actor, String action, String id, String detail, Step step) {
        long started = System.nanoTime();
        try {
            String result = step.run();
            lastProblem.remove(id);
            record(actor, action, id, detail, true, result, started);
        } catch (Exception e) {
            String reason = e instanceof DmsException d ? d.violations().get(0).messageZh() + " / "
                    + d.violations().get(0).messageEn() : String.valueOf(e.getMessage());
            lastProblem.put(id, reason);
            LOG.error("Plugin {}: {} failed: {}", id, action, reason);
            record(actor, action, id, detail, false, reason, started);
        }
    }

    @FunctionalInterface
    private interface Step {
        String run() throws Exception;
    }

    // ---------------------------------------------------------------- the operations

    @Override
    public List<PluginStatus> list(Actor actor) {
        permissions.require(actor, "plugin.read");
        Set<String> ids = new TreeSet<>(profile.plugins.keySet());
        try {
            for (Feature f : features.listFeatures()) {
                String id = pluginId(f);
                if (id != null) {
                    ids.add(id);
                }
            }
        } catch (Exception e) {
            throw unavailable(e);
        }
        List<PluginStatus> result = new ArrayList<>();
        for (String id : ids) {
            result.add(status(id));
        }
        return result;
    }

    @Override
    public PluginStatus get(String id, Actor actor) {
        permissions.require(actor, "plugin.read");
        return known(checkId(id));
    }

    @Override
    public PluginStatus enable(String id, Actor actor) {
        permissions.require(actor, "plugin.enable");
        String plugin = checkId(id);
        return run(actor, "ENABLE", plugin, null, () -> doEnable(plugin, null));
    }

    @Override
    public PluginStatus disable(String id, Actor actor) {
        permissions.require(actor, "plugin.disable");
        String plugin = checkId(id);
        return run(actor, "DISABLE", plugin, null, () -> doDisable(plugin));
    }

    @Override
    public PluginStatus update(String id, String repositoryUri, Actor actor) {
        permissions.require(actor, "plugin.update");
        String plugin = checkId(id);
        URI repository = repositoryUri == null || repositoryUri.isBlank() ? null : parseRepository(repositoryUri);
        return run(actor, "UPDATE", plugin, repositoryUri, () -> doUpdate(plugin, repository));
    }

    @Override
    public PluginStatus add(String repositoryUri, Actor actor) {
        permissions.require(actor, "plugin.add");
        URI repository = parseRepository(repositoryUri);
        String[] added = new String[1];
        PluginStatus ignored = run(actor, "ADD", null, repositoryUri, () -> {
            added[0] = doAdd(repository);
            return "plugin " + added[0] + " registered (disabled)";
        });
        return ignored != null && added[0] == null ? ignored : status(added[0]);
    }

    @Override
    public PluginStatus remove(String id, Actor actor) {
        permissions.require(actor, "plugin.remove");
        String plugin = checkId(id);
        return run(actor, "REMOVE", plugin, null, () -> doRemove(plugin));
    }

    @Override
    public List<PluginOperation> operations(int limit, Actor actor) {
        permissions.require(actor, "plugin.operations.read");
        if (limit < 1 || limit > 1000) {
            throw DmsException.invalid("limit", "range", "条数须在 1 到 1000 之间", "limit must be 1 to 1000");
        }
        try {
            return log.recent(limit);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** One operation at a time; each is recorded with its result, a refusal included. */
    private PluginStatus run(Actor actor, String action, String plugin, String detail, Step step) {
        long started = System.nanoTime();
        boolean locked;
        try {
            locked = operations.tryLock(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw DmsException.conflict("plugin", "plugin.busy", "另一个插件操作正在进行，请稍后再试",
                    "another plugin operation is running; try again shortly");
        }
        try {
            String result = step.run();
            if (plugin != null) {
                lastProblem.remove(plugin);
            }
            record(actor, action, plugin, detail, true, result, started);
            return plugin == null ? null : status(plugin);
        } catch (DmsException e) {
            Violation v = e.violations().get(0);
            record(actor, action, plugin, detail, false, v.messageZh() + " / " + v.messageEn(), started);
            throw e;
        } catch (Exception e) {
            LOG.error("Plugin {}: {} failed", plugin, action, e);
            record(actor, action, plugin, detail, false, String.valueOf(e.getMessage()), started);
            throw unavailable(e);
        } finally {
            operations.unlock();
        }
    }

    private String doEnable(String id, String version) throws Exception {
        Feature installed = installedFeature(id);
        if (installed != null) {
            return "already enabled (" + installed.getVersion() + ")";
        }
        Feature feature = offered(id, version);
        refuseUnlessResolvable(id, feature, EnumSet.of(Option.Simulate, Option.NoAutoRefreshBundles));
        DealerProfile.Plugin entry;
        synchronized (profileLock) {
            entry = profile.plugin(id);
        }
        applyConfiguration(entry);
        enabledAt.put(id, System.currentTimeMillis());
        features.installFeature(feature.getName(), feature.getVersion(), KEEP_CORE_RUNNING);
        changeProfile(p -> p.plugin(id).enabled = true);
        PluginState state = settle(id);
        return "version " + feature.getVersion() + " enabled: " + state;
    }

    private String doDisable(String id) throws Exception {
        Feature installed = installedFeature(id);
        if (installed == null) {
            changeProfile(p -> {
                if (p.plugins.containsKey(id)) {
                    p.plugin(id).enabled = false;
                }
            });
            return "already disabled";
        }
        List<Bundle> bundles = inspector.bundles(id, installed);
        features.uninstallFeature(installed.getName(), installed.getVersion(), KEEP_CORE_RUNNING);
        refreshPluginBundles(bundles);
        enabledAt.remove(id);
        changeProfile(p -> p.plugin(id).enabled = false);
        return "version " + installed.getVersion() + " disabled; its data is kept";
    }

    private String doUpdate(String id, URI repository) throws Exception {
        Feature installed = installedFeature(id);
        if (installed == null) {
            throw DmsException.conflict("id", "plugin.disabled", "插件 " + id + " 未启用，请先启用再更新",
                    "plugin " + id + " is not enabled; enable it before updating it");
        }
        if (repository == null) {
            return reloadBundles(id, installed);
        }
        boolean added = registerRepository(repository);
        try {
            Feature next = null;
            for (Feature f : features.getRepository(repository).getFeatures()) {
                if (f.getName().equals(DmsPlugin.FEATURE_PREFIX + id)) {
                    next = f;
                }
            }
            if (next == null) {
                throw DmsException.invalid("repository", "plugin.notInRepository",
                        "仓库 " + repository + " 中没有插件 " + id, "repository " + repository + " holds no plugin " + id);
            }
            if (sameVersion(next.getVersion(), installed.getVersion())) {
                throw DmsException.conflict("repository", "plugin.sameVersion",
                        "插件 " + id + " 已是版本 " + next.getVersion() + "；要重新加载同一版本，请不带仓库地址更新",
                        "plugin " + id + " already runs version " + next.getVersion()
                                + "; to reload the same version, update without a repository");
            }
            String result = doUpgrade(id, installed, next);
            changeProfile(p -> {
                p.plugin(id).repository = repository.toString();
                p.plugin(id).version = null;
            });
            added = false;
            return result;
        } finally {
            if (added) {
                // refused: the repository goes again, so the system is as it was
                features.removeRepository(repository, false);
            }
        }
    }

    private String doUpgrade(String id, Feature installed, Feature next) throws Exception {
        refuseUnlessResolvable(id, next, EnumSet.of(Option.Simulate, Option.Upgrade, Option.NoAutoRefreshBundles));
        enabledAt.put(id, System.currentTimeMillis());
        features.installFeature(next.getName(), next.getVersion(), EnumSet.of(Option.Upgrade, Option.NoAutoRefreshBundles));
        // the plugin's own bundles are rewired to each other's new versions; nothing outside the plugin is touched
        refreshPluginBundles(inspector.bundles(id, installedFeature(id)));
        PluginState state = settle(id);
        return "updated from " + installed.getVersion() + " to " + next.getVersion() + ": " + state;
    }

    /** Without a new repository: the same version reloaded from where its bundles came from (a rebuilt snapshot). */
    private String reloadBundles(String id, Feature installed) throws Exception {
        List<Bundle> bundles = inspector.bundles(id, installed);
        enabledAt.put(id, System.currentTimeMillis());
        for (Bundle b : bundles) {
            b.update();
        }
        refreshPluginBundles(bundles);
        PluginState state = settle(id);
        return bundles.size() + " bundle(s) reloaded: " + state;
    }

    private String doAdd(URI repository) throws Exception {
        boolean added = registerRepository(repository);
        List<String> ids = new ArrayList<>();
        for (Feature f : features.getRepository(repository).getFeatures()) {
            String id = pluginId(f);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            if (added) {
                features.removeRepository(repository, false);
            }
            throw DmsException.invalid("repository", "plugin.noneInRepository",
                    "仓库 " + repository + " 中没有插件（功能名须以 " + DmsPlugin.FEATURE_PREFIX + " 开头）",
                    "repository " + repository + " holds no plugin (feature names must start with "
                            + DmsPlugin.FEATURE_PREFIX + ")");
        }
        changeProfile(p -> ids.forEach(id -> p.plugin(id).repository = repository.toString()));
        return ids.get(0);
    }

    private String doRemove(String id) throws Exception {
        String disabled = doDisable(id);
        DealerProfile.Plugin entry = profile.plugins.get(id);
        if (entry != null && entry.repository != null) {
            URI repository = parseRepository(entry.repository);
            boolean sharedWithOthers = profile.plugins.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(id) && entry.repository.equals(e.getValue().repository));
            if (!sharedWithOthers && features.getRepository(repository) != null) {
                features.removeRepository(repository, false);
            }
        }
        changeProfile(p -> p.plugins.remove(id));
        return disabled + "; removed from the dealer profile";
    }

    // ---------------------------------------------------------------- helpers

    /** Resolves the change without making it; a failure becomes a readable refusal and nothing has changed. */
    private void refuseUnlessResolvable(String id, Feature feature, EnumSet<Option> simulate) {
        // a missing local jar would otherwise be retried by Karaf's downloader for about two minutes
        for (BundleInfo bundle : feature.getBundles()) {
            String location = bundle.getLocation().trim();
            if (isMissingFile(location)) {
                throw DmsException.conflict("id", "plugin.unresolvable",
                        "插件 " + id + " 的文件不存在：" + location, "plugin " + id + " names a file that is not there: " + location);
            }
        }
        try {
            features.installFeature(feature.getName(), feature.getVersion(), simulate);
        } catch (Exception e) {
            RefusalReasons.Reason reason = RefusalReasons.explain(id, e, this::exportedVersions);
            LOG.info("Plugin {} {} refused: {}", id, feature.getVersion(), e.getMessage());
            throw DmsException.conflict("id", "plugin.unresolvable", reason.zh(), reason.en());
        }
    }

    private static boolean isMissingFile(String location) {
        if (!location.startsWith("file:")) {
            return false;
        }
        try {
            return !Files.isReadable(Paths.get(URI.create(location)));
        } catch (IllegalArgumentException notAPlainFileUri) {
            return false; // left to Karaf's downloader, which explains it
        }
    }

    /** Refreshes the given plugin bundles unless that would also restart a bundle outside the plugins. */
    private void refreshPluginBundles(Collection<Bundle> bundles) throws InterruptedException {
        if (bundles.isEmpty()) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Collection<Bundle> closure = wiring.getDependencyClosure(bundles);
        List<String> outside = new ArrayList<>();
        for (Bundle b : closure) {
            if (b.getState() != Bundle.UNINSTALLED && b.getHeaders("").get(DmsPlugin.HEADER) == null
                    && !bundles.contains(b)) {
                outside.add(b.getSymbolicName());
            }
        }
        if (!outside.isEmpty()) {
            LOG.warn("Not refreshing plugin bundles: {} outside the plugin would restart", outside);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(closure, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }

    /** Waits until the plugin is up or has failed, so the caller hears the outcome. */
    private PluginState settle(String id) throws InterruptedException {
        long until = System.currentTimeMillis() + SETTLE_MILLIS;
        PluginState state = status(id).state();
        while (state == PluginState.STARTING && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            state = status(id).state();
        }
        return state;
    }

    private PluginStatus known(String id) {
        PluginStatus s = status(id);
        if (s.state() == PluginState.MISSING && !profile.plugins.containsKey(id)) {
            throw DmsException.notFound("id", "没有名为 " + id + " 的插件", "there is no plugin named " + id);
        }
        return s;
    }

    PluginStatus status(String id) {
        try {
            Feature[] offered = features.getFeatures(DmsPlugin.FEATURE_PREFIX + id);
            List<Feature> versions = offered == null ? List.of() : Arrays.stream(offered)
                    .sorted(Comparator.comparing(f -> version(f.getVersion()))).toList();
            Feature installed = installedFeature(id);
            DealerProfile.Plugin entry = profile.plugins.get(id);
            Feature remembered = installed == null ? fromProfileRepository(id) : null;
            Feature shown = installed != null ? installed : remembered != null ? remembered
                    : versions.isEmpty() ? null : versions.get(versions.size() - 1);
            String title = shown == null ? null : shown.getDescription();
            String repository = shown == null ? (entry == null ? null : entry.repository) : shown.getRepositoryUrl();
            List<String> available = versions.stream().map(Feature::getVersion).toList();
            if (installed == null) {
                boolean wanted = entry != null && entry.enabled;
                PluginState state = shown == null ? PluginState.MISSING
                        : !wanted ? PluginState.DISABLED : applyingProfile ? PluginState.STARTING : PluginState.FAILED;
                String problem = lastProblem.get(id);
                if (state == PluginState.MISSING) {
                    problem = "没有已登记的功能仓库提供该插件 no registered feature repository offers it"
                            + (problem == null ? "" : ": " + problem);
                }
                // enabled is the dealer's choice; a wanted plugin that is not running is STARTING or FAILED
                return new PluginStatus(id, title, shown == null ? null : shown.getVersion(), available, wanted, state,
                        Map.of(), state == PluginState.DISABLED || state == PluginState.STARTING ? null : problem,
                        List.of(), repository);
            }
            Long since = enabledAt.get(id);
            boolean inGrace = since == null || System.currentTimeMillis() - since < GRACE_MILLIS;
            PluginInspector.Health health = inspector.inspect(inspector.bundles(id, installed), inGrace);
            return new PluginStatus(id, title, installed.getVersion(), available, true, health.state(),
                    health.schemaVersions(), health.problem(), health.bundles(), repository);
        } catch (DmsException e) {
            throw e;
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private Feature installedFeature(String id) throws Exception {
        for (Feature f : features.listInstalledFeatures()) {
            if (f.getName().equals(DmsPlugin.FEATURE_PREFIX + id)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The plugin's feature in the repository the dealer profile names for it (the one it was last enabled or
     * updated from), if that repository is registered and offers it: an update and an update back leave both
     * versions registered, and the plugin must come back as the dealer left it, not as the newest one.
     */
    private Feature fromProfileRepository(String id) {
        DealerProfile.Plugin entry;
        synchronized (profileLock) {
            entry = profile.plugins.get(id);
        }
        if (entry == null || entry.repository == null) {
            return null;
        }
        try {
            Repository repository = features.getRepository(URI.create(entry.repository));
            if (repository != null) {
                for (Feature f : repository.getFeatures()) {
                    if (f.getName().equals(DmsPlugin.FEATURE_PREFIX + id)) {
                        return f;
                    }
                }
            }
        } catch (Exception e) {
            LOG.debug("repository {} of plugin {} not read", entry.repository, id, e);
        }
        return null;
    }

    /** The wanted version, else the one from the profile's repository, else the newest one offered. */
    private Feature offered(String id, String version) throws Exception {
        if (version == null) {
            Feature remembered = fromProfileRepository(id);
            if (remembered != null) {
                return remembered;
            }
        }
        Feature[] all = features.getFeatures(DmsPlugin.FEATURE_PREFIX + id);
        Feature best = null;
        for (Feature f : all == null ? new Feature[0] : all) {
            if (version != null ? sameVersion(f.getVersion(), version)
                    : best == null || version(f.getVersion()).compareTo(version(best.getVersion())) > 0) {
                best = f;
            }
        }
        if (best == null) {
            throw DmsException.notFound("id", "没有名为 " + id + " 的插件" + (version == null ? "" : "（版本 " + version + "）")
                    + "；已登记的功能仓库中找不到 " + DmsPlugin.FEATURE_PREFIX + id,
                    "there is no plugin named " + id + (version == null ? "" : " (version " + version + ")")
                            + "; no registered feature repository has " + DmsPlugin.FEATURE_PREFIX + id);
        }
        return best;
    }

    /** Registers the repository unless it is already; true if this call added it. */
    private boolean registerRepository(URI repository) {
        try {
            if (features.getRepository(repository) != null) {
                return false;
            }
            features.addRepository(repository, false);
            return true;
        } catch (Exception e) {
            RefusalReasons.Reason reason = RefusalReasons.explain(String.valueOf(repository), e, this::exportedVersions);
            throw DmsException.invalid("repository", "plugin.repositoryUnreadable",
                    "功能仓库 " + repository + " 无法读取：" + reason.zh(),
                    "feature repository " + repository + " cannot be read: " + reason.en());
        }
    }

    private void applyConfiguration(DealerProfile.Plugin wanted) throws IOException {
        for (Map.Entry<String, Map<String, Object>> pid : wanted.config.entrySet()) {
            Configuration c = configAdmin.getConfiguration(pid.getKey(), "?");
            Dictionary<String, Object> current = c.getProperties();
            if (!sameValues(current, pid.getValue())) {
                Hashtable<String, Object> values = new Hashtable<>();
                if (current != null) {
                    for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                        String key = keys.nextElement();
                        values.put(key, current.get(key));
                    }
                }
                pid.getValue().forEach((k, v) -> values.put(k, v instanceof List<?> l ? l.toArray(new String[0]) : v));
                c.update(values);
            }
        }
    }

    /** Keeps the profile in step with configuration changed elsewhere (config:edit, an etc/*.cfg edit). */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getFactoryPid() != null || event.getType() == ConfigurationEvent.CM_LOCATION_CHANGED) {
            return;
        }
        String pid = event.getPid();
        String owner = ownerOf(pid);
        if (owner == null) {
            return;
        }
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            Map<String, Object> values = found == null || found.length == 0 ? null : withoutInternalKeys(found[0].getProperties());
            changeProfile(p -> {
                Map<String, Map<String, Object>> config = p.plugin(owner).config;
                if (values == null) {
                    config.remove(pid);
                } else {
                    config.put(pid, values);
                }
            });
        } catch (Exception e) {
            LOG.warn("Configuration {} of plugin {} not written to the dealer profile: {}", pid, owner, e.getMessage());
        }
    }

    private String ownerOf(String pid) {
        for (Map.Entry<String, DealerProfile.Plugin> e : profile.plugins.entrySet()) {
            if (e.getValue().config.containsKey(pid)) {
                return e.getKey();
            }
        }
        try {
            for (Feature f : features.listInstalledFeatures()) {
                String id = pluginId(f);
                if (id != null && inspector.configurationPids(inspector.bundles(id, f)).contains(pid)) {
                    return id;
                }
            }
        } catch (Exception e) {
            LOG.debug("cannot tell which plugin owns {}", pid, e);
        }
        return null;
    }

    private void changeProfile(java.util.function.Consumer<DealerProfile> change) throws IOException {
        synchronized (profileLock) {
            DealerProfile p = profile;
            String before = snapshot(p);
            change.accept(p);
            if (!Objects.equals(before, snapshot(p))) {
                store.save(p);
            }
        }
    }

    private static String snapshot(DealerProfile p) {
        StringBuilder s = new StringBuilder(String.valueOf(p.dealer));
        p.plugins.forEach((id, e) -> s.append('|').append(id).append(e.enabled).append(e.version).append(e.repository)
                .append(new TreeMap<>(e.config)));
        return s.toString();
    }

    private static Map<String, Object> withoutInternalKeys(Dictionary<String, Object> props) {
        Map<String, Object> values = new TreeMap<>();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!INTERNAL_KEYS.contains(key)) {
                    Object v = props.get(key);
                    values.put(key, v instanceof Object[] array ? List.of(array) : v);
                }
            }
        }
        return values;
    }

    private static boolean sameValues(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return wanted.isEmpty();
        }
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            Object now = current.get(e.getKey());
            Object shown = now instanceof Object[] array ? List.of(array) : now;
            if (!String.valueOf(e.getValue()).equals(String.valueOf(shown))) {
                return false;
            }
        }
        return true;
    }

    /** The versions in which this platform exports a package: what an incompatible plugin is told it can have. */
    private List<String> exportedVersions(String pkg) {
        Set<String> versions = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability cap : wiring.getCapabilities("osgi.wiring.package")) {
                if (pkg.equals(cap.getAttributes().get("osgi.wiring.package"))) {
                    versions.add(String.valueOf(cap.getAttributes().get("version")));
                }
            }
        }
        return new ArrayList<>(versions);
    }

    static String pluginId(Feature f) {
        String name = f.getName();
        if (!name.startsWith(DmsPlugin.FEATURE_PREFIX)) {
            return null;
        }
        String id = name.substring(DmsPlugin.FEATURE_PREFIX.length());
        return id.matches(DmsPlugin.ID_PATTERN) ? id : null;
    }

    private static String checkId(String id) {
        if (id == null || !id.trim().matches(DmsPlugin.ID_PATTERN)) {
            throw DmsException.invalid("id", "plugin.id", "插件名须为小写字母、数字和连字符，以字母开头，最长 40 个字符",
                    "a plugin id is lower-case letters, digits and dashes, starting with a letter, at most 40 characters");
        }
        return id.trim();
    }

    static URI parseRepository(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > 1000) {
            throw DmsException.invalid("repository", "plugin.repository", "须给出功能仓库地址，如 mvn:组/名/版本/xml/features 或 file:/…",
                    "give a feature repository address such as mvn:group/artifact/version/xml/features or file:/…");
        }
        try {
            URI parsed = new URI(uri.trim());
            if (parsed.getScheme() == null || !Set.of("mvn", "file", "http", "https").contains(parsed.getScheme())) {
                throw new URISyntaxException(uri, "scheme must be mvn, file, http or https");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw DmsException.invalid("repository", "plugin.repository",
                    "功能仓库地址无效（须以 mvn:、file:、http: 或 https: 开头）：" + uri,
                    "not a feature repository address (mvn:, file:, http: or https:): " + uri);
        }
    }

    static boolean sameVersion(String a, String b) {
        return version(a).equals(version(b));
    }

    /** Feature versions as OSGi versions; "0.1.0-SNAPSHOT" and "0.1.0.SNAPSHOT" are the same. */
    static Version version(String v) {
        try {
            String s = v.trim().replaceFirst("-", ".");
            String[] parts = s.split("\\.", 4);
            if (parts.length == 2 && !parts[1].matches("\\d+")) {
                s = parts[0] + ".0.0." + parts[1];
            } else if (parts.length == 3 && !parts[2].matches("\\d+")) {
                s = parts[0] + "." + parts[1] + ".0." + parts[2];
            }
            return Version.parseVersion(s);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    private void record(Actor actor, String action, String plugin, String detail, boolean ok, String result,
            long startedNanos) {
        PluginOperation op = new PluginOperation(Instant.now(), actor.username(), actor.channel(), action, plugin,
                detail, ok, result, (System.nanoTime() - startedNanos) / 1_000_000);
        try {
            log.append(op);
        } catch (IOException e) {
            LOG.error("Plugin operation not recorded: {}", op, e);
        }
        LOG.info("Plugin operation by {} ({}): {} {} {} -> {} {}", op.username(), op.channel(), action, plugin,
                detail == null ? "" : detail, ok ? "done" : "refused", result);
    }

    private static DmsException unavailable(Exception e) {
        return new DmsException(DmsException.Kind.UNAVAILABLE, List.of(new Violation("plugin", "plugin.unavailable",
                "插件管理暂不可用：" + e.getMessage(), "plugin management is unavailable: " + e.getMessage())));
    }
}
