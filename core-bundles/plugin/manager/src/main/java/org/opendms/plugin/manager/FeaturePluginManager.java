package org.opendms.plugin.manager;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.security.Permissions;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginOperation;
import org.opendms.plugin.api.manage.PluginStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin manager admins and the console talk to. Plugins are Karaf features named {@code dms-plugin-<id>},
 * reconciled with the dealer profile at start ({@link BootReconciler}); every later change is made by
 * {@link FeatureOperations}, one at a time, recorded with its result, and written back to the profile
 * ({@link ProfileSync}). What the admin sees of a plugin comes from {@link PluginStatusView}.
 */
@Component(service = { PluginManager.class,
        ConfigurationListener.class }, immediate = true, configurationPid = RepositoryPolicy.PID)
public class FeaturePluginManager implements PluginManager, ConfigurationListener {

    /** Where plugin repositories may come from ({@code etc/org.opendms.plugin.repositories.cfg}). */
    @interface RepositoriesConfig {
        /** Comma-separated: {@code mvn:}, {@code file:<folder>/}, {@code https://host/path/}. */
        String allowedRepositories() default RepositoryPolicy.DEFAULT;
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePluginManager.class);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(60);

    @Reference
    FeaturesService features;

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    ServiceComponentRuntime scr;

    @Reference
    Permissions permissions;

    /**
     * Which plugin was enabled, disabled, added, updated or removed by whom: state, version, repository before and
     * after.
     */
    @Reference
    AuditTrail audit;

    /** The profile is applied once Karaf has installed its boot features, never in the middle of that. */
    @Reference
    BootFinished bootFinished;

    private final ReentrantLock operations = new ReentrantLock(true);
    /** Set when the component goes: an operation under way is then not tried again. */
    private volatile boolean deactivated;
    private volatile RepositoryPolicy repositories = new RepositoryPolicy(RepositoryPolicy.DEFAULT, dealerHome());
    private ProfileSync profile;
    private PluginCatalogue catalogue;
    private PluginStatusView view;
    private FeatureOperations featureOperations;
    private OperationLog log;
    BootReconciler boot;

    @Activate
    void activate(BundleContext context, RepositoriesConfig config) {
        configure(config);
        String etc = System.getProperty("karaf.etc");
        wire(context, dealerHome(), etc == null ? null : Paths.get(etc, "dms-dealer-profile.json"),
                new PluginRefresher(BundleRefresh.of(context), REFRESH_TIMEOUT));
        boot.start();
    }

    /** Builds the collaborators; the DS references must be set. */
    void wire(BundleContext context, Path home, Path shippedProfile, PluginRefresher refresher) {
        PluginInspector inspector = new PluginInspector(context, scr);
        profile = new ProfileSync(new ProfileStore(home, shippedProfile), configAdmin,
                pid -> catalogue.installedOwner(pid));
        catalogue = new PluginCatalogue(features, context, inspector, profile);
        view = new PluginStatusView(catalogue, profile, inspector);
        featureOperations = new FeatureOperations(features, catalogue, profile, inspector, view, refresher);
        log = new OperationLog(home);
        boot = new BootReconciler(operations, profile, catalogue, featureOperations, view, log);
    }

    @Modified
    void configure(RepositoriesConfig config) {
        repositories = new RepositoryPolicy(config.allowedRepositories(), dealerHome());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        deactivated = true;
        boot.stop();
    }

    /** The dealer home: -Ddms.dealer.home (bin/setenv sets it from DMS_DEALER_HOME), else {karaf.home}/dealer. */
    static Path dealerHome() {
        String configured = System.getProperty("dms.dealer.home");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        return Paths.get(System.getProperty("karaf.home", "."), "dealer");
    }

    @Override
    public List<PluginStatus> list(Actor actor) {
        permissions.require(actor, "plugin.read");
        Set<String> ids = profile.ids();
        try {
            ids.addAll(catalogue.offeredIds());
        } catch (Exception e) {
            throw RefusalReasons.unavailable(e);
        }
        List<PluginStatus> result = new ArrayList<>();
        for (String id : ids) {
            result.add(view.status(id));
        }
        return result;
    }

    @Override
    public PluginStatus get(String id, Actor actor) {
        permissions.require(actor, "plugin.read");
        return view.known(PluginNames.checkId(id));
    }

    @Override
    public PluginStatus enable(String id, Actor actor) {
        permissions.require(actor, "plugin.enable");
        String plugin = PluginNames.checkId(id);
        return run(actor, "ENABLE", plugin, null, () -> featureOperations.enable(plugin, null));
    }

    @Override
    public PluginStatus disable(String id, Actor actor) {
        permissions.require(actor, "plugin.disable");
        String plugin = PluginNames.checkId(id);
        return run(actor, "DISABLE", plugin, null, () -> {
            view.known(plugin); // 404, recorded as refused, for a plugin nobody knows
            return featureOperations.disable(plugin);
        });
    }

    @Override
    public PluginStatus update(String id, String repositoryUri, Actor actor) {
        permissions.require(actor, "plugin.update");
        String plugin = PluginNames.checkId(id);
        URI repository = repositoryUri == null || repositoryUri.isBlank() ? null
                : PluginNames.parseRepository(repositoryUri);
        if (repository != null) {
            repositories.check(repository);
        }
        return run(actor, "UPDATE", plugin, repositoryUri, () -> {
            view.known(plugin);
            return featureOperations.update(plugin, repository);
        });
    }

    @Override
    public PluginStatus add(String repositoryUri, Actor actor) {
        permissions.require(actor, "plugin.add");
        URI repository = PluginNames.parseRepository(repositoryUri);
        repositories.check(repository);
        String[] added = new String[1];
        PluginStatus ignored = run(actor, "ADD", null, repositoryUri, () -> {
            added[0] = featureOperations.add(repository);
            return "plugin " + added[0] + " registered (disabled)";
        });
        return ignored != null && added[0] == null ? ignored : view.status(added[0]);
    }

    @Override
    public PluginStatus remove(String id, Actor actor) {
        permissions.require(actor, "plugin.remove");
        String plugin = PluginNames.checkId(id);
        return run(actor, "REMOVE", plugin, null, () -> {
            view.known(plugin);
            return featureOperations.remove(plugin);
        });
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
            throw RefusalReasons.unavailable(e);
        }
    }

    /** Keeps the profile in step with configuration changed elsewhere (config:edit, an etc/*.cfg edit). */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        // Config Admin does not say who: config:edit on the console or an edited etc/*.cfg
        profile.configurationChanged(event,
                (pid, before, after) -> trail(Actor.system(), "plugin-setting", pid, before, after));
    }

    /** The change is made and cannot be rolled back: a trail that cannot be written is logged, not refused. */
    private void trail(Actor actor, String type, String id, Object before, Object after) {
        try {
            audit.record(actor, type, id, before, after);
        } catch (RuntimeException e) {
            LOG.error("Plugin {}: the change is made but its audit trail could not be written", id, e);
        }
    }

    /** One operation at a time; each is recorded with its result, a refusal included. */
    private PluginStatus run(Actor actor, String action, String plugin, String detail, BootReconciler.Step step) {
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
            PluginStatus before = plugin == null ? null : view.status(plugin);
            String result = InterruptedDeployments.run("Plugin " + (plugin == null ? detail : plugin) + ": " + action,
                    step, () -> deactivated, InterruptedDeployments.ATTEMPTS, InterruptedDeployments.PAUSE_MILLIS);
            if (plugin != null) {
                view.succeeded(plugin);
            }
            log.record(actor, action, plugin, detail, true, result, started);
            trail(actor, "plugin", plugin == null ? detail : plugin, before,
                    plugin == null ? Map.of("added", result) : view.status(plugin));
            return plugin == null ? null : view.status(plugin);
        } catch (DmsException e) {
            log.record(actor, action, plugin, detail, false, RefusalReasons.bothLanguages(e), started);
            throw e;
        } catch (Exception e) {
            LOG.error("Plugin {}: {} failed", plugin, action, e);
            log.record(actor, action, plugin, detail, false, String.valueOf(e.getMessage()), started);
            throw RefusalReasons.unavailable(e);
        } finally {
            operations.unlock();
        }
    }
}
