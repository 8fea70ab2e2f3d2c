package org.opendms.parts.api.purchasing;

/** Where a purchase order (采购单) stands. */
public enum PurchaseOrderStatus {
    /** 草稿: lines may still change; nothing is on order yet. */
    DRAFT("草稿"),
    /** 已发送: sent to the supplier; its open quantities count as on order. */
    SENT("已发送"),
    /** 部分到货: some lines received, some quantity still open. */
    PARTLY_RECEIVED("部分到货"),
    /** 已到货: every line received in full (or the rest closed). */
    RECEIVED("已到货"),
    /** 已取消: nothing more will come; what was received stays received. */
    CANCELLED("已取消");

    private final String chinese;

    PurchaseOrderStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
