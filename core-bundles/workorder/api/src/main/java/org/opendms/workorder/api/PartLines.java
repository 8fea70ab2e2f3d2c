package org.opendms.workorder.api;

import java.math.BigDecimal;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The part lines of a work order as the parts store serves them: the advisor's mark that a line is not needed, and
 * what the parts clerk issued (领料), took back (退料), ordered or received for a line, told by the parts module. Every
 * step is in the work order's timeline and the audit trail.
 *
 * @since 3.1
 */
@ProviderType
public interface PartLines {

    /** Timeline kind of {@link #markNotNeeded}. */
    String NOT_NEEDED = "PART_NOT_NEEDED";
    /** Timeline kinds the parts module records through {@link #recordIssue} and {@link #recordStep}. */
    String ISSUED = "PART_ISSUED";
    String RETURNED = "PART_RETURNED";
    String RESERVED = "PART_RESERVED";
    String RELEASED = "PART_RELEASED";
    String ORDERED = "PART_ORDERED";
    /** The part ordered for the work order arrived: the advisor is told ({@code WorkOrderListener#partsArrived}). */
    String ARRIVED = "PART_ARRIVED";

    /**
     * The advisor marks an approved job's part line as not needed (e.g. the old part was fine): the work order may be
     * completed without it being issued. Advisor and manager, at the version read.
     *
     * @param reason required, at most 200 characters
     *
     * @throws DmsException INVALID_INPUT {@code reason}; CONFLICT {@code line.not_part} for a line that is not a part;
     *                      NOT_FOUND {@code lineId}; CONFLICT {@code status.closed} once completed
     */
    WorkOrder markNotNeeded(long id, long jobId, long lineId, long expectedVersion, String reason, Actor actor);

    /**
     * What has been issued to a part line so far, after an issue or a return posted by the parts module (whatever the
     * work order's version, which does not change: nobody edits these figures, and the advisor's form stays valid; in
     * any status, since a cancelled work order's parts come back): the line keeps it for margins
     * ({@link Line#issuedQuantity()}, {@link Line#issueCost()}), and the step goes to the timeline and the audit
     * trail.
     *
     * @param issuedQuantity net quantity issued (issued − returned), 0 or more
     * @param issueCost      cost of that quantity, yuan, 2 decimals
     * @param kind           {@link #ISSUED} or {@link #RETURNED}
     * @param textZh         the step as the timeline shows it
     *
     * @throws DmsException NOT_FOUND {@code lineId} for a line not of that work order
     */
    WorkOrder recordIssue(long id, long lineId, BigDecimal issuedQuantity, BigDecimal issueCost, String kind,
            String textZh, String textEn, Actor actor);

    /**
     * Another step of a part line in the work order's timeline (reserved, released, ordered, arrived), the work order's
     * version unchanged; an arrival also tells the listeners' {@code partsArrived}.
     *
     * @param lineId the line, or null for the work order as a whole
     */
    void recordStep(long id, Long lineId, String kind, String textZh, String textEn, Actor actor);
}
