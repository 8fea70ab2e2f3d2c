package org.opendms.webapp.extension;

import java.net.URL;
import java.util.List;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;
import org.opendms.webapp.internal.StaticFiles;
import org.osgi.framework.Bundle;

/**
 * One running bundle's pages: the plugin they belong to, and where the browser fetches their files. The bundle's
 * version is part of the address, so a browser may keep the files for good and still gets a new version at once.
 */
record Contribution(String plugin, Bundle bundle, WebExtension extension, StaticFiles files) {

    /** Which bundle header names the plugin (the same one the platform reads for a plugin's REST resources). */
    static final String PLUGIN_HEADER = "DMS-Plugin";
    static final String FILES = "/ext/";

    static Contribution of(Bundle bundle, WebExtension extension) {
        String header = bundle.getHeaders().get(PLUGIN_HEADER);
        String plugin = header == null || header.isBlank() ? bundle.getSymbolicName() : header.trim();
        // every file is versioned by the address; compressed once per bundle (a re-enabled plugin is a new bundle)
        return new Contribution(plugin, bundle, extension, new StaticFiles(path -> file(bundle, extension, path),
                path -> true));
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

    /** A file below the extension's folder, or null (also once the bundle is gone). */
    private static URL file(Bundle bundle, WebExtension extension, String path) {
        String folder = extension.folder().replaceAll("^/+|/+$", "");
        try {
            return bundle.getEntry(folder + "/" + path.replaceAll("^/+", ""));
        } catch (IllegalStateException uninstalled) {
            return null;
        }
    }
}
