package org.opendms.parts.api.stocktake;

/** Where a stocktake stands. */
public enum StocktakeStatus {
    /** 盘点中: the sheet is frozen; counts are entered. */
    COUNTING("盘点中"),
    /** 待审批: counting finished; the manager reviews the variances. */
    SUBMITTED("待审批"),
    /** 已过账: approved; the variances are in the ledger. */
    POSTED("已过账"),
    /** 已取消: nothing posted. */
    CANCELLED("已取消");

    private final String chinese;

    StocktakeStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
