package org.opendms.workorder.impl;

import java.util.List;

import org.opendms.platform.api.Violations;
import org.opendms.staff.api.StaffDirectory;

/** Work goes only to the shop's known, active technicians (the staff directory): a typo never assigns it to nobody. */
final class Technicians {

    private Technicians() {
    }

    /** Every login of the list that is no active technician, named by its request field {@code field[i]}. */
    static void requireActive(StaffDirectory staff, String field, List<String> logins) {
        Violations v = new Violations();
        for (int i = 0; i < logins.size(); i++) {
            check(staff, v, field + "[" + i + "]", logins.get(i));
        }
        v.throwIfAny();
    }

    static void requireActive(StaffDirectory staff, String field, String login) {
        Violations v = new Violations();
        check(staff, v, field, login);
        v.throwIfAny();
    }

    private static void check(StaffDirectory staff, Violations v, String field, String login) {
        if (staff.technician(login).isEmpty()) {
            v.add(field, "technician.unknown", "技师 " + login + " 不是在职的技师账号，请检查拼写或在员工账号中添加/启用",
                    login + " is no active technician account; check the spelling or add or enable the account");
        }
    }
}
