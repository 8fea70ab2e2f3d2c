/**
 * The plugin contract. A plugin is a Karaf feature named {@code dms-plugin-<id>} whose bundles carry the
 * {@value org.opendms.plugin.api.DmsPlugin#HEADER} manifest header with that id. Its bundles import only
 * published packages of core ({@code org.opendms.*.api}, {@code org.opendms.plugin.api.*},
 * {@code org.opendms.platform.rest.api}); they contribute REST resources through the JAX-RS whiteboard (see
 * {@code DmsRest}), console commands, their own tables through a Liquibase changelog named in the
 * {@code DMS-Changelog} header, listeners on core events, and configuration through metatype.
 */
@Export
@Version("1.0.0")
package org.opendms.plugin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
