/**
 * Pages of the staff web app contributed by a plugin. A plugin bundle registers a {@link WebExtension} service (a DS
 * component is enough) naming its menu entries and the ES modules that render them; the modules ship in the bundle
 * (by default under {@code web/}) and import {@code vue}, {@code vue-router}, {@code vue-i18n} and
 * {@code element-plus} by bare name, which the host resolves to the libraries it has already loaded.
 *
 * <pre>
 * &#64;Component
 * public class InsurancePages implements WebExtension {
 *     public List&lt;WebPage&gt; pages() {
 *         return List.of(WebPage.of("/insurance/renewals", "renewals.js", "续保名单", "Renewals")
 *                 .icon("Umbrella").permission("insurance.renewal.read").order(200));
 *     }
 * }
 * </pre>
 *
 * The host lists the pages a user may open at {@code GET /api/web/extensions}, serves the bundle's files, and adds
 * or removes the menu entries in open browsers (live event {@code web-extensions}) as the plugin starts and stops.
 */
@Export
@Version("1.0.0")
package org.opendms.platform.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
