package org.opendms.staff.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.opendms.platform.api.Stored;
import org.opendms.staff.api.SkillLevel;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffChange;
import org.opendms.staff.api.StaffMember;
import org.opendms.staff.api.Technician;

/** Rows to records, and the words the change record uses for what changed. */
final class StaffRecords {

    private StaffRecords() {
    }

    static void apply(StaffEntity e, StaffRules.Valid valid) {
        e.name = valid.name();
        e.team = valid.team();
        e.roles.clear();
        e.roles.addAll(valid.roles());
        e.skills.clear();
        e.skills.putAll(valid.skills());
    }

    static StaffAccount account(StaffEntity e) {
        return new StaffAccount(e.login, e.name, List.copyOf(new java.util.TreeSet<>(e.roles)), skills(e), e.team,
                e.active,
                Stored.instant(e.createdAt), e.createdBy, Stored.instant(e.updatedAt), e.updatedBy, e.version);
    }

    static Technician technician(StaffEntity e) {
        return new Technician(e.login, e.name, e.team, skills(e));
    }

    static StaffMember member(StaffEntity e) {
        return new StaffMember(e.login, e.name, List.copyOf(new java.util.TreeSet<>(e.roles)), e.team, skills(e));
    }

    static StaffChange change(StaffChangeEntity c) {
        return new StaffChange(c.login, c.what, c.detail, c.changedBy, c.channel, Stored.instant(c.changedAt));
    }

    private static List<SkillLevel> skills(StaffEntity e) {
        return new java.util.TreeMap<>(e.skills).entrySet().stream().map(s -> new SkillLevel(s.getKey(), s.getValue()))
                .toList();
    }

    /** The recorded fields of an account, in the order a person reads them; never the password. */
    static Map<String, String> fields(StaffEntity e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", e.name);
        f.put("roles", new java.util.TreeSet<>(e.roles).toString());
        f.put("skills", new java.util.TreeMap<>(e.skills).toString());
        f.put("team", e.team);
        return f;
    }

    static String describe(StaffEntity e) {
        StringJoiner all = new StringJoiner("; ");
        fields(e).forEach((k, v) -> all.add(k + ": " + v));
        return all.toString();
    }

    /** {@code roles: [technician] → [foreman, technician]; team: null → 一组}, or empty when nothing changed. */
    static String diff(Map<String, String> before, Map<String, String> after) {
        StringJoiner changes = new StringJoiner("; ");
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changes.add(k + ": " + before.get(k) + " → " + v);
            }
        });
        return changes.toString();
    }
}
