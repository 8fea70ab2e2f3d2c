package org.opendms.workorder.api;

/** Who pays for a job. */
public enum PayType {
    /** 客户付费 */
    CUSTOMER,
    /** 厂家索赔 the manufacturer */
    WARRANTY,
    /** 保险 an insurer */
    INSURANCE,
    /** 内部 the shop */
    INTERNAL
}
