package org.opendms.plugin.api.manage;

import java.util.List;
import java.util.Map;

/**
 * One plugin as the admin sees it.
 *
 * @param id             the plugin id, e.g. {@code insurance}
 * @param title          the feature's description, e.g. "车险 Insurance policies and renewals"
 * @param version        the version enabled (or, when not running, the one it was last enabled from, else the newest
 *                       available)
 * @param available      every version the registered repositories offer
 * @param enabled        whether the dealer has it enabled
 * @param state          where it stands now
 * @param schemaVersions last migration applied per bundle with tables (bundle symbolic name → changeset id)
 * @param problem        why it is FAILED or MISSING, in Chinese and English; null otherwise
 * @param bundles        its bundles: "symbolic-name version STATE"
 * @param repository     the feature repository it comes from
 */
public record PluginStatus(String id, String title, String version, List<String> available, boolean enabled,
        PluginState state, Map<String, String> schemaVersions, String problem, List<String> bundles,
        String repository) {
    public PluginStatus {
        available = available == null ? List.of() : List.copyOf(available);
        schemaVersions = schemaVersions == null ? Map.of() : Map.copyOf(schemaVersions);
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
    }
}
