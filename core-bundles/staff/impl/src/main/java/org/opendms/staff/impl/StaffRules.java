package org.opendms.staff.impl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillLevel;
import org.opendms.staff.api.StaffDraft;

/** What a staff account must look like; every broken rule is named with its field, all at once. */
final class StaffRules {

    static final int NAME_MAX = 50;
    static final int TEAM_MAX = 30;
    static final int SKILL_CODE_MAX = 30;
    static final int PASSWORD_MIN = 8;
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    /** A draft with blanks trimmed and duplicates folded. */
    record Valid(String name, Set<String> roles, Map<String, Integer> skills, String team) {
    }

    private StaffRules() {
    }

    static String login(String raw, List<Violation> problems) {
        String login = raw == null ? "" : raw.trim();
        if (login.isEmpty()) {
            problems.add(new Violation("login", "required", "请填写登录名", "login is required"));
        } else if (!LOGIN.matcher(login).matches()) {
            problems.add(new Violation("login", "login.format", "登录名须以小写字母开头，2–32 位小写字母、数字或 . _ -",
                    "login must start with a lower-case letter and have 2–32 lower-case letters, digits or . _ -"));
        }
        return login;
    }

    static void password(String field, String password, List<Violation> problems) {
        if (password == null || password.isEmpty()) {
            problems.add(new Violation(field, "required", "请填写密码", field + " is required"));
        } else if (password.codePointCount(0, password.length()) < PASSWORD_MIN) {
            problems.add(new Violation(field, "password.too_short", "密码至少 " + PASSWORD_MIN + " 个字符",
                    field + " needs at least " + PASSWORD_MIN + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            problems.add(new Violation(field, "password.too_long", "密码过长（最多 " + Passwords.MAX_BYTES + " 字节）",
                    field + " is too long (at most " + Passwords.MAX_BYTES + " bytes)"));
        }
    }

    /**
     * @param skillCatalogue the codes skills may name
     * @param held           the skills the account holds already: a retired one among them may stay
     */
    static Valid details(StaffDraft draft, SkillCatalogue skillCatalogue, Set<String> held,
            List<Violation> problems) {
        if (draft == null) {
            problems.add(new Violation("", "required", "请提交员工资料", "the staff details are missing"));
            return null;
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(new Violation("name", "required", "请填写姓名", "name is required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(new Violation("name", "too_long", "姓名最多 " + NAME_MAX + " 个字",
                    "name has at most " + NAME_MAX + " characters"));
        }
        Set<String> roles = new TreeSet<>();
        List<String> rawRoles = draft.roles() == null ? List.of() : draft.roles();
        for (int i = 0; i < rawRoles.size(); i++) {
            String role = rawRoles.get(i) == null ? "" : rawRoles.get(i).trim();
            if (!Roles.ALL.contains(role)) {
                problems.add(new Violation("roles[" + i + "]", "role.unknown",
                        "未知角色 “" + role + "”（可选：" + String.join(", ", Roles.ALL) + "）",
                        "unknown role '" + role + "' (one of " + String.join(", ", Roles.ALL) + ")"));
            }
            roles.add(role);
        }
        if (rawRoles.isEmpty()) {
            problems.add(new Violation("roles", "required", "至少选择一个角色", "at least one role is required"));
        }
        Map<String, Integer> skills = new TreeMap<>();
        List<SkillLevel> rawSkills = draft.skills() == null ? List.of() : draft.skills();
        for (int i = 0; i < rawSkills.size(); i++) {
            SkillLevel s = rawSkills.get(i);
            String field = "skills[" + i + "].code";
            String raw = s == null || s.code() == null ? "" : s.code().strip();
            String code = null;
            if (raw.isEmpty() || raw.length() > SKILL_CODE_MAX) {
                problems.add(new Violation(field, "skill.code", "工种代码须为 1–" + SKILL_CODE_MAX + " 个字符",
                        "a skill code has 1–" + SKILL_CODE_MAX + " characters"));
            } else {
                Violations unknown = new Violations();
                boolean holds = skillCatalogue.find(raw).map(d -> held.contains(d.code())).orElse(false);
                code = skillCatalogue.check(field, raw, holds, unknown);
                problems.addAll(unknown.list());
            }
            if (code != null && skills.containsKey(code)) {
                problems.add(new Violation(field, "skill.duplicate", "工种 “" + raw + "” 重复",
                        "skill '" + raw + "' is listed twice"));
            }
            if (s == null || s.level() < SkillLevel.MIN || s.level() > SkillLevel.MAX) {
                problems.add(new Violation("skills[" + i + "].level", "skill.level", "技能等级须为 1–5",
                        "a skill level is 1 to 5"));
            }
            if (s != null && code != null) {
                skills.putIfAbsent(code, s.level());
            }
        }
        String team = draft.team() == null || draft.team().isBlank() ? null : draft.team().strip();
        if (team != null && team.length() > TEAM_MAX) {
            problems.add(new Violation("team", "too_long", "班组名最多 " + TEAM_MAX + " 个字",
                    "team has at most " + TEAM_MAX + " characters"));
        }
        return new Valid(name, roles, skills, team);
    }

    static void refuseIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw DmsException.invalid(new ArrayList<>(problems));
        }
    }
}
