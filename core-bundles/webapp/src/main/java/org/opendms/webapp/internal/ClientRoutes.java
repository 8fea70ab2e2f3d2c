package org.opendms.webapp.internal;

/**
 * Which file of the app answers a path: a path whose last segment has no dot is a route of the app's router and gets
 * the app's page; a path with a dot names a file (a missing one is a 404, never the page, so a broken script link
 * shows as an error instead of HTML parsed as JavaScript).
 */
final class ClientRoutes {

    static final String INDEX = "/index.html";

    private ClientRoutes() {
    }

    /** A path without a trailing slash nor a dot in its last segment, e.g. /api-docs (or an app route). */
    static boolean isFolder(String path) {
        return path != null && path.length() > 1 && !path.endsWith("/")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    static String fileFor(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return INDEX;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? path : INDEX;
    }
}
