package org.opendms.workorder.api;

/** A technician's trade, rated 1 (learner) to 5 (master) in the skill table. */
public enum Skill {
    /** 机修 */
    MECHANICAL("机修"),
    /** 电工 */
    ELECTRICAL("电工"),
    /** 钣金 */
    BODY("钣金"),
    /** 喷漆 */
    PAINT("喷漆");

    private final String zh;

    Skill(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
