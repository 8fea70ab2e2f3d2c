package org.opendms.workorder.api;

/** Why a work order in repair is WAITING. */
public enum WaitReason {
    /** 待料 waiting for parts */
    PARTS("等待配件"),
    /** 待客户确认 waiting for the customer's approval of extra work */
    APPROVAL("等待客户确认"),
    /** 外协 waiting for a subcontractor */
    SUBLET("等待外协");

    private final String zh;

    WaitReason(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
