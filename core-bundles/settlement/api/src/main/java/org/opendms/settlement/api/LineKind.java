package org.opendms.settlement.api;

/** What a document line bills. */
public enum LineKind {
    /** 工时 */
    LABOUR,
    /** 配件 */
    PART,
    /** 外协 */
    SUBLET,
    /** 其他费用 */
    FEE,
    /** 材料管理费: a configurable share of the document's parts */
    HANDLING_FEE
}
