package org.opendms.workorder.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Technicians' clocks (开工/停工计时) on the labour lines of a work order. A technician clocks only himself or herself;
 * a clock does not need the work order's version, as two technicians clock on one work order at once.
 */
@ProviderType
public interface Clocks {

    /**
     * Starts a technician's clock on a labour line of an approved job dispatched to that technician while the work
     * order is IN_REPAIR. The foreman (or manager) clocking a technician on a job not dispatched to them assigns it on
     * the spot: the technician joins the job's dispatch in the same transaction.
     *
     * @throws DmsException CONFLICT {@code job.unapproved} or {@code clock.running} (the technician's clock already
     *                      runs, on any work order), {@code clock.not_dispatched} (field
     *                      {@code technician}) when a technician clocks on a job not dispatched to him or her
     */
    ClockEntry clockOn(long id, long jobId, long labourLineId, String technician, Actor actor);

    /**
     * Stops the technician's running clock on this work order.
     *
     * @param pauseReason null when the work is done; otherwise why it stopped, at most 200 characters
     */
    ClockEntry clockOff(long id, String technician, String pauseReason, Actor actor);

    /** Every clock of the work order, oldest first. */
    List<ClockEntry> clocks(long id);
}
