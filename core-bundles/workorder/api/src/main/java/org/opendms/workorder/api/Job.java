package org.opendms.workorder.api;

import java.util.List;

/**
 * A stored job with its lines.
 *
 * @param seq      1, 2, … in the order the jobs were added
 * @param addOn    true when added after the work order left AWAITING_DISPATCH (追加项目): extra work found during
 *                 repair, which needs the customer's approval before anyone clocks on it
 * @param approval null until the customer approved
 * @param decline  null unless the customer declined the job; a declined job keeps its lines but they are not in the
 *                 work order's totals, and it no longer changes
 * @param totals   of its own lines, see {@link Totals} for the rounding rule
 * @param findings the cause found and the correction done; null until the technician records them
 */
public record Job(long id, int seq, String concern, PayType payType, boolean addOn, Approval approval, Decline decline,
        List<Line> lines, Totals totals, Findings findings) {

    public Job {
        lines = List.copyOf(lines);
    }

    public boolean approved() {
        return approval != null;
    }

    public boolean declined() {
        return decline != null;
    }
}
