/**
 * Customer events. A plugin (or a core bundle) registers a {@link org.opendms.customer.api.event.CustomerListener} as
 * an OSGi service (a DS component is enough); the customer archive calls it after each change has been committed, on
 * the thread that made the change, so a listener must return quickly and cannot roll the change back. A listener
 * that throws is logged and the others are still called.
 */
@Export
@Version("1.0.0")
package org.opendms.customer.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
