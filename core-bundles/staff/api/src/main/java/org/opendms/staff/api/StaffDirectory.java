package org.opendms.staff.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Violations;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may be given work: the shop's known, active technicians. Dispatch and the skill table ask it so that a typo
 * never assigns a job to nobody; work orders and appointments ask it whether the advisor or inspector they name is an
 * active member in the right role. Reads only; no role needed.
 */
@ProviderType
public interface StaffDirectory {

    /** The active technician with this login; empty for an unknown login, a disabled account or another role. */
    Optional<Technician> technician(String login);

    /** Every active technician, by login. */
    List<Technician> technicians();

    /** The active staff member with this login, in whatever roles; empty for an unknown login or a disabled account. */
    Optional<StaffMember> member(String login);

    /**
     * Checks a person a request names (an advisor, an inspector): an active staff member in one of the roles. Adds
     * {@code staff.unknown} (no active account with that login) or {@code staff.role} (the account has none of the
     * roles) naming the field to the problems.
     *
     * @param asZh what the person is to be, in Chinese, e.g. 服务顾问或服务经理
     * @param asEn the same in English, e.g. a service advisor or manager
     *
     * @return true when the person may be named
     */
    default boolean check(String field, String login, Collection<String> roles, String asZh, String asEn,
            Violations problems) {
        Optional<StaffMember> member = login == null || login.isBlank() ? Optional.empty() : member(login.strip());
        if (member.isEmpty()) {
            problems.add(field, "staff.unknown", login + " 不是在职的员工账号，请检查拼写或在员工账号中添加/启用",
                    login + " is no active staff account; check the spelling or add or enable the account");
            return false;
        }
        if (!member.get().hasAnyRole(roles)) {
            problems.add(field, "staff.role", login + " 不是" + asZh + "（角色：" + String.join(", ", member.get().roles())
                    + "）", login + " is not " + asEn + " (roles: " + String.join(", ", member.get().roles()) + ")");
            return false;
        }
        return true;
    }
}
