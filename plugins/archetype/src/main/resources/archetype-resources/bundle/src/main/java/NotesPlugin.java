#set( $prefix = $pluginId.replace('-', '_') )
package ${package};

/** The names that tie this plugin's parts to the platform; each must match the bundle's headers (bnd.bnd). */
final class NotesPlugin {

    /** The plugin id: feature dms-plugin-${pluginId}, REST under /api/${pluginId}, console scope ${pluginId}. */
    static final String ID = "${pluginId}";

    /** This bundle's symbolic name: the platform announces its migrated schema under it. */
    static final String BUNDLE = "${package}";

    /** The persistence unit in META-INF/persistence.xml. */
    static final String UNIT = "${pluginId}";

    /** The table from db/${package}/changelog.xml. */
    static final String NOTE_TABLE = "${prefix}_vehicle_note";

    private NotesPlugin() {
    }
}
