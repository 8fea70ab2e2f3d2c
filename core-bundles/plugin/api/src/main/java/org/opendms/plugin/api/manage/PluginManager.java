package org.opendms.plugin.api.manage;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Enables, disables and updates plugins at runtime without restarting core bundles. Every change is checked
 * first (the plugin must resolve against the API this platform has); a refused change leaves the system as it
 * was. Enabled plugins and their configuration are kept in the dealer profile, outside the distribution, and every
 * operation is recorded with who, when, what and the result. Who may call these is the platform's permission table
 * ({@code plugin.*}: the admin by default).
 */
@ProviderType
public interface PluginManager {

    /** Every plugin the registered repositories offer, and every plugin the dealer profile names. */
    List<PluginStatus> list(Actor actor);

    PluginStatus get(String id, Actor actor);

    /** Installs the plugin's feature (its migrations run before its services start) and records it as enabled. */
    PluginStatus enable(String id, Actor actor);

    /** Uninstalls the plugin's bundles; its tables and data stay, and enabling it again finds them. */
    PluginStatus disable(String id, Actor actor);

    /**
     * Replaces a running plugin with a new build. With a repository URI, moves to the version of the plugin that
     * repository offers; without, reloads the plugin's bundles from where they were installed (a rebuilt snapshot).
     */
    PluginStatus update(String id, String repositoryUri, Actor actor);

    /** Registers a feature repository holding a plugin (a third party's, say); the plugin stays disabled. */
    PluginStatus add(String repositoryUri, Actor actor);

    /** Disables the plugin if needed and unregisters its repository; its data stays. */
    PluginStatus remove(String id, Actor actor);

    /** The most recent operations, newest first. */
    List<PluginOperation> operations(int limit, Actor actor);
}
