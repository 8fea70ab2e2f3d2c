package org.opendms.staff.impl;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The skill catalogue on JPA (table staff_skill_def): skills are added, renamed and retired, never removed. */
@Component(service = { SkillCatalogue.class, JpaSkillCatalogue.class })
public class JpaSkillCatalogue implements SkillCatalogue {

    static final int NAME_MAX = 30;
    static final int NAME_EN_MAX = 50;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    @Reference(target = "(osgi.unit.name=dms-staff)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.staff.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    /** skill.edit of the platform's table: admins and managers keep the catalogue. */
    @Reference
    Permissions permissions;

    @Override
    public SkillDefinition save(SkillDraft draft, Long expectedVersion, Actor actor) {
        permissions.require(actor, "skill.edit");
        SkillDraft d = valid(draft, expectedVersion == null);
        LocalDateTime now = Stored.utc(clock.now());
        try {
            return jpa.txExpr(em -> {
                SkillDefEntity e = em.find(SkillDefEntity.class, d.code(), LockModeType.PESSIMISTIC_WRITE);
                refuseTakenName(em, d);
                if (expectedVersion == null) {
                    if (e != null) {
                        throw DmsException.conflict("code", "skill.exists", "工种代码 " + d.code() + " 已在工种目录中",
                                "skill code " + d.code() + " is already in the catalogue");
                    }
                    e = new SkillDefEntity();
                    e.code = d.code();
                    e.version = 0;
                    em.persist(e);
                } else if (e == null) {
                    throw notFound(d.code());
                } else {
                    StaleVersion.check(e.version, expectedVersion, "工种 " + d.code() + " ", "skill " + d.code());
                }
                e.name = d.name();
                e.nameEn = d.nameEn();
                e.retiredAt = d.active() ? null : e.retiredAt == null ? now : e.retiredAt;
                e.updatedAt = now;
                e.updatedBy = actor.username();
                e.version++;
                em.flush();
                return record(e);
            });
        } catch (PersistenceException e) {
            // two desks adding the same name at once: the unique constraint decides
            if (Failures.isUniqueViolation(e, "uq_staff_skill_def_name")) {
                throw nameTaken(d.name());
            }
            throw e;
        }
    }

    private static void refuseTakenName(EntityManager em, SkillDraft d) {
        boolean taken = !em.createQuery("SELECT s.code FROM SkillDefEntity s WHERE s.name = :n AND s.code <> :c",
                String.class).setParameter("n", d.name()).setParameter("c", d.code()).getResultList().isEmpty();
        if (taken) {
            throw nameTaken(d.name());
        }
    }

    private static DmsException nameTaken(String name) {
        return DmsException.conflict("name", "skill.name_taken", "已有名为 “" + name + "” 的工种",
                "another skill is already called '" + name + "'");
    }

    /** The draft trimmed, the code upper case; every broken rule named at once. */
    private static SkillDraft valid(SkillDraft draft, boolean adding) {
        Violations v = new Violations();
        if (draft == null) {
            v.add("", "required", "请提交工种资料", "the skill is missing").throwIfAny();
        }
        String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            v.add("code", "required", "请填写工种代码", "code is required");
        } else if (adding && !CODE.matcher(code).matches()) {
            v.add("code", "skill.code", "工种代码须以字母开头，2–20 位大写字母、数字或 _（如 BRAKES_CHASSIS）",
                    "a skill code starts with a letter and has 2–20 upper-case letters, digits or _ (e.g. BRAKES_CHASSIS)");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (v.required("name", name)) {
            v.maxLength("name", name, NAME_MAX);
        }
        String nameEn = draft.nameEn() == null ? "" : draft.nameEn().strip();
        if (v.required("nameEn", nameEn)) {
            v.maxLength("nameEn", nameEn, NAME_EN_MAX);
        }
        v.throwIfAny();
        return new SkillDraft(code, name, nameEn, draft.active() == null || draft.active());
    }

    @Override
    public SkillDefinition get(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        SkillDefEntity e = c.isEmpty() ? null : jpa.txExpr(em -> em.find(SkillDefEntity.class, c));
        if (e == null) {
            throw notFound(code);
        }
        return record(e);
    }

    @Override
    public List<SkillDefinition> list(boolean withRetired) {
        return all().stream().filter(s -> withRetired || s.active()).toList();
    }

    private List<SkillDefinition> all() {
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SkillDefEntity s ORDER BY s.code", SkillDefEntity.class)
                .getResultList().stream().map(JpaSkillCatalogue::record).toList());
    }

    /**
     * The code first (any case), then the Chinese name, then the English name (any case), then a part of a Chinese name
     * written with '/' (电工 for 电工/诊断, as staff typed trades before the catalogue).
     */
    @Override
    public Optional<SkillDefinition> find(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String raw = codeOrName.strip();
        List<SkillDefinition> all = all();
        return all.stream().filter(s -> s.code().equalsIgnoreCase(raw)).findFirst()
                .or(() -> all.stream().filter(s -> s.name().equals(raw)).findFirst())
                .or(() -> all.stream().filter(s -> s.nameEn().equalsIgnoreCase(raw))
                        .min(Comparator.comparing(SkillDefinition::code)))
                .or(() -> all.stream().filter(s -> List.of(s.name().split("/")).contains(raw))
                        .min(Comparator.comparing(SkillDefinition::code)));
    }

    @Override
    public String check(String field, String codeOrName, boolean allowRetired, Violations problems) {
        Optional<SkillDefinition> found = find(codeOrName);
        if (found.isEmpty()) {
            String known = String.join(", ", list(false).stream().map(s -> s.code() + " " + s.name()).toList());
            problems.add(field, "skill.unknown", "工种目录中没有 “" + codeOrName + "”（可选：" + known + "）",
                    "'" + codeOrName + "' is not in the skill catalogue (one of " + known + ")");
            return null;
        }
        SkillDefinition s = found.get();
        if (!s.active() && !allowRetired) {
            problems.add(field, "skill.retired", "工种 " + s.code() + "（" + s.name() + "）已停用，不能再分配",
                    "skill " + s.code() + " (" + s.nameEn() + ") is retired and cannot be newly assigned");
            return null;
        }
        return s.code();
    }

    static SkillDefinition record(SkillDefEntity e) {
        return new SkillDefinition(e.code, e.name, e.nameEn, e.retiredAt == null, Stored.instant(e.updatedAt),
                e.updatedBy, e.version);
    }

    private static DmsException notFound(String code) {
        return DmsException.notFound("code", "工种目录中没有代码 " + code, "the skill catalogue has no code " + code);
    }
}
