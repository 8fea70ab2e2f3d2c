package org.opendms.platform.api.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One page a plugin adds to the staff web app, and its menu entry.
 *
 * @param path       the route in the app, e.g. {@code /insurance/renewals}; lower case letters, digits, '-' and '/'
 * @param module     the ES module rendering it, relative to the extension's folder, e.g. {@code renewals.js}; its
 *                   default export is a Vue component
 * @param title      the menu entry and tab in Chinese
 * @param titleEn    the same in English
 * @param icon       an Element Plus icon name ({@code Umbrella}, {@code Document}...); null for the default
 * @param permission the permission (of the platform's table) a user needs to see the entry; null for every user
 * @param order      position in the menu among all entries (core areas use 10–95)
 * @param menu       false for a page opened only from other pages (a detail page taking route parameters)
 */
public record WebPage(String path, String module, String title, String titleEn, String icon, String permission,
        int order, boolean menu) {

    private static final Pattern PATH = Pattern.compile("(/[a-z0-9][a-z0-9-]*)+(/:[a-zA-Z]+)*");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.m?js");
    /** Menu entries of plugins come after core's unless the plugin says otherwise. */
    public static final int DEFAULT_ORDER = 200;

    public WebPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(titleEn, "titleEn");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path must look like /insurance/renewals, was " + path);
        }
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module must be a .js file below the extension's folder, was "
                    + module);
        }
    }

    /** A menu entry for every user at the default position; refine it with the {@code with}-style methods below. */
    public static WebPage of(String path, String module, String title, String titleEn) {
        return new WebPage(path, module, title, titleEn, null, null, DEFAULT_ORDER, true);
    }

    public WebPage icon(String name) {
        return new WebPage(path, module, title, titleEn, name, permission, order, menu);
    }

    public WebPage permission(String name) {
        return new WebPage(path, module, title, titleEn, icon, name, order, menu);
    }

    public WebPage order(int position) {
        return new WebPage(path, module, title, titleEn, icon, permission, position, menu);
    }

    /** A page without a menu entry (reached from another page, e.g. a detail with {@code /:id} in its path). */
    public WebPage hidden() {
        return new WebPage(path, module, title, titleEn, icon, permission, order, false);
    }
}
