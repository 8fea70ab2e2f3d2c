package org.opendms.plugin.api;

/** Names that tie a plugin's feature and bundles together. */
public final class DmsPlugin {

    /** Manifest header on each bundle of a plugin; its value is the plugin id, e.g. {@code insurance}. */
    public static final String HEADER = "DMS-Plugin";

    /** A plugin with id {@code x} is delivered as the Karaf feature {@code dms-plugin-x}. */
    public static final String FEATURE_PREFIX = "dms-plugin-";

    /** Plugin ids: lower case letters, digits and dashes, starting with a letter, at most 40 characters. */
    public static final String ID_PATTERN = "[a-z][a-z0-9-]{0,39}";

    private DmsPlugin() {
    }
}
