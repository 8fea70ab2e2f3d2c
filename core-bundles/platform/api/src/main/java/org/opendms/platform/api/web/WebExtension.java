package org.opendms.platform.api.web;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a plugin and registered as a service: its pages in the staff web app. The plugin is the one named by
 * the registering bundle's {@code DMS-Plugin} header; its files are that bundle's entries under {@link #folder()}.
 */
@ConsumerType
public interface WebExtension {

    /** The folder of the bundle that holds the page modules (and whatever they load relative to themselves). */
    String DEFAULT_FOLDER = "web";

    /** The menu entries and pages, each opened by its own route. */
    List<WebPage> pages();

    /**
     * Strings of the pages by locale ({@code zh-CN}, {@code en}): a bundle entry below {@link #folder()} holding
     * {@code {"zh-CN": {...}, "en": {...}}}, merged into the app's messages before a page loads; null when the pages
     * bring none.
     */
    default String messages() {
        return null;
    }

    default String folder() {
        return DEFAULT_FOLDER;
    }
}
