package org.opendms.webapp.extension;

import java.net.URL;
import java.util.List;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;
import org.osgi.framework.Bundle;

/**
 * One running bundle's pages: the plugin they belong to, and where the browser fetches their files. The bundle's
 * version is part of the address, so a browser may keep the files for good and still gets a new version at once.
 */
record Contribution(String plugin, Bundle bundle, WebExtension extension) {

    /** Which bundle header names the plugin (the same one the platform reads for a plugin's REST resources). */
    static final String PLUGIN_HEADER = "DMS-Plugin";
    static final String FILES = "/ext/";

    static Contribution of(Bundle bundle, WebExtension extension) {
        String plugin = bundle.getHeaders().get(PLUGIN_HEADER);
        return new Contribution(plugin == null || plugin.isBlank() ? bundle.getSymbolicName() : plugin.trim(),
                bundle, extension);
    }

    String version() {
        return bundle.getVersion().toString();
    }

    /** e.g. /ext/insurance/0.1.0.202612020900/ */
    String base() {
        return FILES + plugin + "/" + version() + "/";
    }

    List<WebPage> pages() {
        return extension.pages();
    }

    /** A file below the extension's folder, or null. */
    URL file(String path) {
        String folder = extension.folder().replaceAll("^/+|/+$", "");
        return bundle.getEntry(folder + "/" + path.replaceAll("^/+", ""));
    }
}
