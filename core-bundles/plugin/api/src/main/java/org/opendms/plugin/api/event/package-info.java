/**
 * Work-order events for plugins (until they move to the work-order API). Customer and vehicle events live in their
 * own APIs: {@code org.opendms.customer.api.event}, {@code org.opendms.vehicle.api.event}; what changed is
 * {@link org.opendms.platform.api.ChangeKind}. A plugin registers a
 * {@link org.opendms.plugin.api.event.WorkOrderListener} as an OSGi service (a DS component is enough); core calls it
 * after each change has been committed, on the thread that made the change, so a listener must return quickly and
 * must not expect to roll the change back. A listener that throws is logged and the others are still called.
 */
@Export
@Version("2.0.0")
package org.opendms.plugin.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
