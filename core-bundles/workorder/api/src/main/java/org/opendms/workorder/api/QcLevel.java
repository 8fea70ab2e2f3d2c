package org.opendms.workorder.api;

/** The three levels of quality control (三级质检). */
public enum QcLevel {
    /** 自检 by the technician */
    SELF,
    /** 互检/班组长检 by the foreman */
    FOREMAN,
    /** 终检 by the QC inspector; a work order is completed only after it passed */
    FINAL
}
