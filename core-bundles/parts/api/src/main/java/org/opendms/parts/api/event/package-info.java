/**
 * Parts events. A plugin registers a {@link org.opendms.parts.api.event.PartsListener} as an OSGi service (a DS
 * component is enough); the parts services call it after each change has been committed, on the thread that made the
 * change, so a listener must return quickly and cannot roll the change back. A listener that throws is logged and the
 * others are still called.
 */
@Export
@Version("1.0.0")
package org.opendms.parts.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
