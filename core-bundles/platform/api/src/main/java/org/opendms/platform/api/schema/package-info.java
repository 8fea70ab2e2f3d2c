/**
 * Schema readiness: a bundle's services wait for its migrations by referencing {@link SchemaReady}.
 */
@Export
@Version("1.1.0")
package org.opendms.platform.api.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
