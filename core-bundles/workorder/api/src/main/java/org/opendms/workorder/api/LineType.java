package org.opendms.workorder.api;

/** What a line of a job bills. */
public enum LineType {
    /** 工时: quantity is the sold hours (收费工时), unit price the labour rate per hour */
    LABOUR,
    /** 配件: quantity of a part at its unit price */
    PART,
    /** 外协: work bought from a subcontractor */
    SUBLET,
    /** 其他费用, e.g. a disposal fee */
    FEE
}
