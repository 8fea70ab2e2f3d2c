/**
 * Work-order events. A plugin registers a {@link org.opendms.workorder.api.event.WorkOrderListener} as an OSGi service
 * (a DS component is enough); the work-order services call it after each change has been committed, on the thread
 * that made the change, so a listener must return quickly and must not expect to roll the change back. A listener that
 * throws is logged and the others are still called.
 */
@Export
@Version("1.2.0")
package org.opendms.workorder.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
