package org.opendms.workorder.api;

/** Why the vehicle came in; one visit can have several types, and counts in each for the KPIs (进厂台次). */
public enum VisitType {
    /** 保养 scheduled maintenance */
    MAINTENANCE,
    /** 普通维修 general mechanical repair */
    GENERAL_REPAIR,
    /** 事故维修/钣喷 accident repair, body and paint */
    ACCIDENT,
    /** 保修/索赔 paid by the manufacturer */
    WARRANTY,
    /** 保险 paid by an insurer */
    INSURANCE,
    /** 内部 the shop's own vehicles */
    INTERNAL,
    /** pre-delivery inspection of a new car */
    PDI
}
