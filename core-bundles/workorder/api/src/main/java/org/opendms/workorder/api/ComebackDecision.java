package org.opendms.workorder.api;

/** The advisor's decision on a proposed comeback (返修) link. */
public enum ComebackDecision {
    /** proposed by the system at opening, not decided yet */
    PROPOSED,
    /** the advisor confirmed the visit is a comeback of the earlier work order */
    CONFIRMED,
    /** the advisor decided it is not */
    REJECTED
}
