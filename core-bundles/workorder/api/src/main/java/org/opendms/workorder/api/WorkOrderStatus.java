package org.opendms.workorder.api;

/**
 * Where a work order stands. The allowed moves:
 *
 * <pre>
 * AWAITING_DISPATCH → IN_REPAIR ⇄ WAITING
 * IN_REPAIR → AWAITING_QC → COMPLETED → DELIVERED
 * AWAITING_QC → IN_REPAIR (rework, also after a failed QC)
 * any state before DELIVERED → CANCELLED
 * </pre>
 */
public enum WorkOrderStatus {
    AWAITING_DISPATCH("待派工"),
    IN_REPAIR("维修中"),
    WAITING("等待中"),
    AWAITING_QC("待质检"),
    COMPLETED("已完工"),
    DELIVERED("已交车"),
    CANCELLED("已取消");

    private final String zh;

    WorkOrderStatus(String zh) {
        this.zh = zh;
    }

    /** The Chinese name staff see. */
    public String zh() {
        return zh;
    }

    /** True for DELIVERED and CANCELLED: nothing moves a work order out of them. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
