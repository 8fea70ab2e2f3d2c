package org.opendms.platform.api.schema;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the platform instead of {@link SchemaReady} when a bundle's migrations failed, with the same
 * {@value SchemaReady#BUNDLE} property, so that tools (the plugin list, health) can say why its services stay down.
 */
@ProviderType
public interface SchemaFailed {

    String bundle();

    /** What the migration tool reported. */
    String reason();
}
