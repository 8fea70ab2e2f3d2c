package org.opendms.workorder.api.reception;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** What a plugin raises with the customer at reception, e.g. an insurance policy ending soon. */
@ConsumerType
public interface ReceptionReminderSource {

    /**
     * The reminders for the car at the desk; an empty list when there is nothing to raise. Called on the brief's
     * thread pool: return within a second or two, read only.
     */
    List<ReceptionReminder> remindersFor(ReceptionVisit visit);
}
