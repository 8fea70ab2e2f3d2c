package org.opendms.workorder.impl;

import org.opendms.platform.api.Violations;
import org.opendms.staff.api.SkillCatalogue;

/**
 * Skills named in work-order requests are codes of the shop's skill catalogue: known, and active unless the record
 * already holds that skill (a retired skill stays on old records).
 */
final class Skills {

    private Skills() {
    }

    /**
     * The catalogue's code for a skill named by code or name; refused naming the field when unknown, or retired and not
     * already held.
     *
     * @param held the code the record holds now, or null
     */
    static String assignable(SkillCatalogue catalogue, String field, String raw, String held) {
        Violations v = new Violations();
        boolean holds = held != null && catalogue.find(raw).map(d -> d.code().equals(held)).orElse(false);
        String code = catalogue.check(field, raw, holds, v);
        v.throwIfAny();
        return code;
    }

    /** The catalogue's code for a skill named by code or name, retired ones included; refused when unknown. */
    static String known(SkillCatalogue catalogue, String field, String raw) {
        Violations v = new Violations();
        String code = catalogue.check(field, raw, true, v);
        v.throwIfAny();
        return code;
    }
}
