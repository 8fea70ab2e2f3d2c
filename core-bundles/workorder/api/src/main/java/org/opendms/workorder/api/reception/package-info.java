/**
 * Reminders that plugins add to the reception brief (接车提示). A plugin registers a
 * {@link org.opendms.workorder.api.reception.ReceptionReminderSource} as an OSGi service (a DS component is enough);
 * every brief asks each source for the car at the desk. A source that throws or takes longer than the brief waits
 * (2 seconds) is logged and left out of that brief; the others still count.
 */
@Export
@Version("1.0.0")
package org.opendms.workorder.api.reception;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
