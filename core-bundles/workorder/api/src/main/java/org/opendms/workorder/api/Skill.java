package org.opendms.workorder.api;

/**
 * The four trades the work-order API knew before the skill catalogue.
 *
 * @deprecated skills are the shop's configurable catalogue ({@code org.opendms.staff.api.SkillCatalogue}); records and
 *             services of this API carry its string codes. These four codes stay valid there ({@link #name()}).
 */
@Deprecated(since = "3.0.0")
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
