package org.opendms.platform.api.schema;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the platform once a bundle's migrations have all run. A component that uses the
 * database references it with {@code target="(dms.schema.bundle=<its symbolic name>)"} and so never runs
 * on an out-of-date schema. The bundle names its changelog in the {@value #CHANGELOG_HEADER} manifest header.
 */
@ProviderType
public interface SchemaReady {

    /** Manifest header naming the bundle's Liquibase changelog, a path inside the bundle. */
    String CHANGELOG_HEADER = "DMS-Changelog";
    /** Service property: symbolic name of the bundle whose schema is ready. */
    String BUNDLE = "dms.schema.bundle";
    /** Service property: the id of the last changeset applied from that bundle's changelog. */
    String VERSION = "dms.schema.version";

    String bundle();

    String version();
}
