package org.opendms.settlement.api;

/** Where a settlement document stands. */
public enum SettlementStatus {
    /** 待审批: a discount over the limit waits for the manager; not payable yet */
    AWAITING_APPROVAL("待审批"),
    /** 待收款: built, not paid */
    OPEN("待收款"),
    /** 已结算: paid in full (some of it may be on account) */
    SETTLED("已结算"),
    /** 已红冲: a paid document a reversal document cancelled */
    REVERSED("已红冲"),
    /** 已作废: an unpaid document replaced when the work order was settled again */
    VOID("已作废");

    private final String zh;

    SettlementStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
