package org.opendms.staff.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.SkillDraft;

/** The skill catalogue on a real database migrated by the real changelog, with its seeded defaults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SkillCatalogueContract {

    static final Actor ADMIN = new Actor("boss", Set.of("admin"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor FOREMAN = new Actor("lao.wang", Set.of("foreman"), Channel.REST);
    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final AtomicInteger CODES = new AtomicInteger();

    TestDatabase db;
    JpaSkillCatalogue skills;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        db.migrate("db/org.opendms.staff.impl/changelog.xml");
        skills = new JpaSkillCatalogue();
        skills.jpa = db.jpa("dms-staff");
        skills.permissions = TestPermissions.of();
        skills.clock = TestShopClock.fixed(NOW);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static String newCode() {
        return "NEW_" + CODES.incrementAndGet();
    }

    private long rows() {
        return db.count("SELECT COUNT(*) FROM staff_skill_def");
    }

    @Test
    void aNewShopStartsWithTheEightTradesKeepingTheFourOldCodes() {
        SkillCatalogue c = skills;
        for (String[] s : List.of(new String[] { "MECHANICAL", "机修" }, new String[] { "ELECTRICAL", "电工/诊断" },
                new String[] { "BODY", "钣金" }, new String[] { "PAINT", "喷漆" },
                new String[] { "BRAKES_CHASSIS", "制动/底盘" }, new String[] { "HIGH_VOLTAGE", "高压电工" },
                new String[] { "AIR_CONDITIONING", "空调" }, new String[] { "TYRES_ALIGNMENT", "轮胎/定位" })) {
            SkillDefinition d = c.get(s[0]);
            assertEquals(s[1], d.name());
            assertTrue(d.active());
            assertFalse(d.nameEn().isBlank());
        }
        assertEquals(List.of("学徒", "初级工", "中级工", "高级工", "技师长"),
                SkillCatalogue.LEVELS.stream().map(g -> g.name()).toList());
        assertEquals("技师长", SkillCatalogue.grade(5).name());
        assertNull(c.get("MECHANICAL").updatedAt(), "a seeded default has no change time until someone changes it");
        assertNull(SkillCatalogue.grade(6));
    }

    @Test
    void aSkillIsFoundByCodeInAnyCaseOrByItsName() {
        assertEquals("HIGH_VOLTAGE", skills.find("high_voltage").orElseThrow().code());
        assertEquals("HIGH_VOLTAGE", skills.find("高压电工").orElseThrow().code());
        assertEquals("BODY", skills.find(" Body ").orElseThrow().code());
        assertEquals("ELECTRICAL", skills.find("电工").orElseThrow().code(), "a part of 电工/诊断");
        assertEquals("TYRES_ALIGNMENT", skills.find("定位").orElseThrow().code(), "a part of 轮胎/定位");
        assertTrue(skills.find("焊接").isEmpty());
    }

    @Test
    void aManagerAddsRenamesRetiresAndBringsBackASkill() {
        String code = newCode();
        SkillDefinition added = skills.save(new SkillDraft(code.toLowerCase(), " 动力电池" + code, "battery " + code,
                null), null, MANAGER);
        assertEquals(code, added.code());
        assertEquals("动力电池" + code, added.name());
        assertEquals(NOW, added.updatedAt());
        assertEquals("zhao.manager", added.updatedBy());

        SkillDefinition renamed = skills.save(new SkillDraft(code, "电池" + code, "traction battery " + code, true),
                added.version(), ADMIN);
        assertEquals("电池" + code, skills.get(code).name());
        SkillDefinition retired = skills.save(new SkillDraft(code, renamed.name(), renamed.nameEn(), false),
                renamed.version(), MANAGER);
        assertFalse(retired.active());
        assertTrue(skills.list(false).stream().noneMatch(s -> s.code().equals(code)));
        assertTrue(skills.list(true).stream().anyMatch(s -> s.code().equals(code)));

        Violations v = new Violations();
        assertNull(skills.check("skill", code, false, v));
        assertEquals("skill.retired", v.list().get(0).code());
        assertEquals(code, skills.check("skill", code, true, new Violations()));

        assertTrue(skills.save(new SkillDraft(code, retired.name(), retired.nameEn(), true), retired.version(), ADMIN)
                .active());
    }

    @Test
    void anUnknownSkillIsRefusedNamingTheFieldAndListingTheKnownOnes() {
        Violations v = new Violations();
        assertNull(skills.check("skills[2].code", "焊接", true, v));
        Violation problem = v.list().get(0);
        assertEquals("skills[2].code", problem.field());
        assertEquals("skill.unknown", problem.code());
        assertTrue(problem.messageZh().contains("HIGH_VOLTAGE 高压电工"), problem.messageZh());
        assertTrue(problem.messageEn().contains("not in the skill catalogue"), problem.messageEn());
    }

    @Test
    void badDraftsTakenNamesAndStaleVersionsChangeNothing() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> skills.save(new SkillDraft("9X", " ", null, null), null, ADMIN));
        assertEquals(List.of("code", "name", "nameEn"), e.violations().stream().map(Violation::field).toList());
        e = assertThrows(DmsException.class,
                () -> skills.save(new SkillDraft(newCode(), "机修", "mechanics", null), null, ADMIN));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("skill.name_taken", e.violations().get(0).code());
        e = assertThrows(DmsException.class,
                () -> skills.save(new SkillDraft("paint", "喷漆2", "paint 2", null), null, ADMIN));
        assertEquals("skill.exists", e.violations().get(0).code());
        assertEquals(before, rows());

        SkillDefinition paint = skills.get("PAINT");
        e = assertThrows(DmsException.class, () -> skills.save(new SkillDraft("PAINT", "油漆", "paint", true),
                paint.version() + 7, ADMIN));
        assertEquals("stale_version", e.violations().get(0).code());
        e = assertThrows(DmsException.class,
                () -> skills.save(new SkillDraft("NO_SUCH", "无", "none", true), 1L, ADMIN));
        assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
        assertEquals("喷漆", skills.get("PAINT").name());
    }

    @Test
    void onlyAdminsAndManagersKeepTheCatalogue() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> skills.save(new SkillDraft(newCode(), "焊接", "welding", null), null, FOREMAN));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals(before, rows());
    }
}
