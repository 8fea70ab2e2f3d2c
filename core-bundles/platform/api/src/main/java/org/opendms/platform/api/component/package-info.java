/**
 * Declarative Services plumbing the core's services use in one shape: the listeners, rules and providers a service
 * tells or asks, got when first needed instead of when the service starts ({@link LateServices}).
 */
@Export
@Version("1.0.0")
package org.opendms.platform.api.component;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
