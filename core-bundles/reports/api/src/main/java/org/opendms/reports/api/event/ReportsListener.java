package org.opendms.reports.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/** Told after the commit; a listener that throws is logged and the change stands. */
@ConsumerType
public interface ReportsListener {
    /** A month's resources were entered or a calendar date marked. */
    default void resourcesChanged(ResourcesChangedEvent event) {
    }

    /** An alert was raised (a week's visits collapsed, comebacks jumped, deliveries were late). */
    default void alertRaised(AlertEvent event) {
    }
}
