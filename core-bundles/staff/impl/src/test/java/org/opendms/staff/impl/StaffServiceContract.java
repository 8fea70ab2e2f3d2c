package org.opendms.staff.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.staff.api.NewStaff;
import org.opendms.staff.api.SkillLevel;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffChange;
import org.opendms.staff.api.StaffDraft;
import org.opendms.staff.api.Technician;

/** Staff accounts, logins and the change record on a real database migrated by the real changelog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaffServiceContract {

    static final Actor ADMIN = new Actor("boss", Set.of("admin"), Channel.REST);
    static final Actor FOREMAN = new Actor("lao.wang", Set.of("foreman"), Channel.REST);
    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final AtomicInteger LOGINS = new AtomicInteger();

    TestDatabase db;
    JpaStaffService service;
    JpaSkillCatalogue skills;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        assertEquals("staff-003-login", db.migrate("db/org.opendms.staff.impl/changelog.xml"));
        service = new JpaStaffService();
        service.jpa = db.jpa("dms-staff");
        service.permissions = TestPermissions.of();
        service.clock = new ShopClock() {
            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Clock clock() {
                return Clock.fixed(NOW, zone());
            }
        };
        service.audit = trail(db, service);
        skills = new JpaSkillCatalogue();
        skills.jpa = service.jpa;
        skills.permissions = service.permissions;
        skills.clock = service.clock;
        service.skills = skills;
    }

    /** The real audit trail on the database, its table migrated. */
    static JpaAuditTrail trail(TestDatabase db, JpaStaffService service) {
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        return new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static String newLogin() {
        return "tech" + LOGINS.incrementAndGet();
    }

    static NewStaff technician(String login) {
        return new NewStaff(login, "李师傅", "s3cret-pass", List.of("technician"), List.of(new SkillLevel("机修", 4)), "一组");
    }

    @Test
    void failedLoginsLockTheLoginAndEveryFailureLockAndUnlockIsInTheSecurityLog() {
        LoginProtection guard = new LoginProtection();
        guard.jpa = service.jpa;
        guard.clock = service.clock;
        guard.permissions = service.permissions;
        guard.configure(loginConfig());
        String login = newLogin();
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.admit(login, "10.0.0." + i).isEmpty());
            guard.failed(login, "10.0.0." + i, "REST");
        }
        var refusal = guard.admit(login, "10.0.0.9").orElseThrow();
        assertTrue(refusal.locked());
        assertEquals("login", refusal.subject());
        assertEquals(NOW.plusSeconds(60), refusal.until());
        assertThrows(DmsException.class, () -> guard.locks(FOREMAN));
        assertEquals(login, guard.locks(ADMIN).get(0).login());

        guard.unlock(login, null, ADMIN);
        assertTrue(guard.admit(login, "10.0.0.9").isEmpty());
        List<String> kinds = guard.events(login, 10, ADMIN).stream().map(e -> e.kind()).toList();
        assertEquals(List.of("UNLOCKED", "LOCKED", "FAILED", "FAILED", "FAILED"), kinds);
        assertEquals("boss", guard.events(login, 1, ADMIN).get(0).by());
        assertEquals("10.0.0.2", guard.events(login, 2, ADMIN).get(1).address());
        DmsException notLocked = assertThrows(DmsException.class, () -> guard.unlock(login, null, ADMIN));
        assertEquals(DmsException.Kind.NOT_FOUND, notLocked.kind());
    }

    private static LoginConfig loginConfig() {
        return new LoginConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return LoginConfig.class;
            }

            @Override
            public int slowDownAfter() {
                return 5;
            }

            @Override
            public int delaySeconds() {
                return 1;
            }

            @Override
            public int maxDelaySeconds() {
                return 1;
            }

            @Override
            public int lockAfter() {
                return 3;
            }

            @Override
            public int lockMinutes() {
                return 1;
            }

            @Override
            public int addressSlowDownAfter() {
                return 0;
            }

            @Override
            public int addressLockAfter() {
                return 0;
            }

            @Override
            public int forgetAfterMinutes() {
                return 60;
            }
        };
    }

    private long accounts() {
        return db.count("SELECT COUNT(*) FROM staff_account");
    }

    @Test
    void anAdminAddsATechnicianWhoCanLogInAndIsInTheDirectory() {
        String login = newLogin();
        StaffAccount added = service.add(technician(login), ADMIN);
        assertEquals(List.of("technician"), added.roles());
        // named by its Chinese name, stored as the catalogue's code
        assertEquals(List.of(new SkillLevel("MECHANICAL", 4)), added.skills());
        assertEquals("一组", added.team());
        assertTrue(added.active());
        assertEquals(NOW, added.createdAt());

        assertEquals(Optional.of(Set.of("technician")), service.verify(login, "s3cret-pass"));
        assertEquals(Optional.empty(), service.verify(login, "wrong-pass"));
        Technician t = service.technician(login).orElseThrow();
        assertEquals(4, t.level("MECHANICAL"));
        assertTrue(service.technicians().stream().anyMatch(x -> x.login().equals(login)));
    }

    @Test
    void thePasswordIsStoredAsASaltedBcryptHash() {
        String a = newLogin();
        String b = newLogin();
        service.add(technician(a), ADMIN);
        service.add(technician(b), ADMIN);
        long plain = db.count("SELECT COUNT(*) FROM staff_account WHERE password_hash LIKE '%s3cret%'");
        assertEquals(0, plain);
        long bcrypt = db.count("SELECT COUNT(*) FROM staff_account WHERE login IN ('" + a + "','" + b
                + "') AND password_hash LIKE '$2y$10$%'");
        assertEquals(2, bcrypt);
        assertEquals(2, db.count(
                "SELECT COUNT(DISTINCT password_hash) FROM staff_account WHERE login IN ('" + a + "','" + b + "')"));
    }

    @Test
    void aDuplicateLoginIsRefusedAndNothingIsAdded() {
        String login = newLogin();
        service.add(technician(login), ADMIN);
        long before = accounts();
        DmsException e = assertThrows(DmsException.class, () -> service.add(technician(login), ADMIN));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("login", e.violations().get(0).field());
        assertEquals(before, accounts());
    }

    @Test
    void badInputIsRefusedNamingEveryFieldInBothLanguages() {
        long before = accounts();
        DmsException e = assertThrows(DmsException.class, () -> service.add(new NewStaff("Bad Login", " ", "short",
                List.of("technician", "boss"), List.of(new SkillLevel("机修", 6), new SkillLevel("机修", 2)), null),
                ADMIN));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("login", "password", "name", "roles[1]", "skills[0].level", "skills[1].code"), fields);
        for (Violation v : e.violations()) {
            assertFalse(v.messageZh().isBlank());
            assertFalse(v.messageEn().isBlank());
        }
        assertEquals(before, accounts());
    }

    @Test
    void onlyAnAdminAddsOrChangesStaff() {
        String login = newLogin();
        DmsException e = assertThrows(DmsException.class, () -> service.add(technician(login), FOREMAN));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        StaffAccount added = service.add(technician(login), ADMIN);
        assertThrows(DmsException.class, () -> service.disable(login, added.version(), FOREMAN));
        assertEquals(login, service.get(login, FOREMAN).login());
    }

    @Test
    void anAdminChangesRolesSkillsAndTeamAndTheChangeIsRecorded() {
        String login = newLogin();
        StaffAccount added = service.add(technician(login), ADMIN);
        StaffAccount changed = service.change(login, added.version(),
                new StaffDraft("李师傅", List.of("technician", "foreman"),
                        List.of(new SkillLevel("机修", 5), new SkillLevel("electrical", 2)), "二组"),
                ADMIN);
        assertEquals(List.of("foreman", "technician"), changed.roles());
        assertEquals(List.of(new SkillLevel("ELECTRICAL", 2), new SkillLevel("MECHANICAL", 5)), changed.skills());
        assertEquals("二组", changed.team());
        assertNotEquals(added.version(), changed.version());
        assertEquals(Optional.of(Set.of("technician", "foreman")), service.verify(login, "s3cret-pass"));

        List<StaffChange> changes = service.changes(login, ADMIN);
        assertEquals(List.of("CHANGED", "ADDED"), changes.stream().map(StaffChange::what).toList());
        StaffChange last = changes.get(0);
        assertEquals("boss", last.by());
        assertEquals("REST", last.channel());
        assertEquals(NOW, last.at());
        assertTrue(last.detail().contains("roles: [technician] → [foreman, technician]"), last.detail());
        assertTrue(last.detail().contains("team: 一组 → 二组"), last.detail());
        assertFalse(last.detail().contains("s3cret"));
    }

    @Test
    void skillsMustBeKnownAndActiveInTheCatalogueNamingTheField() {
        String login = newLogin();
        long before = accounts();
        DmsException e = assertThrows(DmsException.class,
                () -> service.add(new NewStaff(login, "李师傅", "s3cret-pass", List.of("technician"),
                        List.of(new SkillLevel("MECHANICAL", 3), new SkillLevel("焊接", 2)), null), ADMIN));
        assertEquals("skills[1].code", e.violations().get(0).field());
        assertEquals("skill.unknown", e.violations().get(0).code());
        assertTrue(e.violations().get(0).messageZh().contains("焊接"), e.violations().get(0).messageZh());
        assertEquals(before, accounts());

        // 机修 and MECHANICAL are the same skill
        e = assertThrows(DmsException.class, () -> service.add(new NewStaff(login, "李师傅", "s3cret-pass",
                List.of("technician"), List.of(new SkillLevel("机修", 3), new SkillLevel("mechanical", 2)), null),
                ADMIN));
        assertEquals("skills[1].code", e.violations().get(0).field());
        assertEquals("skill.duplicate", e.violations().get(0).code());
    }

    @Test
    void aRetiredSkillStaysOnTheAccountsThatHaveItButIsNeverNewlyAssigned() {
        String code = "R" + LOGINS.incrementAndGet() + "_WELD";
        var skill = skills.save(new org.opendms.staff.api.SkillDraft(code, "焊接" + code, "welding " + code, null),
                null, ADMIN);
        String holder = newLogin();
        StaffAccount held = service.add(new NewStaff(holder, "李师傅", "s3cret-pass", List.of("technician"),
                List.of(new SkillLevel(code, 3)), null), ADMIN);
        skills.save(new org.opendms.staff.api.SkillDraft(code, skill.name(), skill.nameEn(), false), skill.version(),
                ADMIN);

        // still readable on the account, and a change that keeps it goes through
        assertEquals(List.of(new SkillLevel(code, 3)), service.get(holder, ADMIN).skills());
        StaffAccount renamed = service.change(holder, held.version(),
                new StaffDraft("李强", List.of("technician"), List.of(new SkillLevel(code, 3)), null), ADMIN);
        assertEquals("李强", renamed.name());

        String other = newLogin();
        StaffAccount added = service.add(technician(other), ADMIN);
        DmsException e = assertThrows(DmsException.class, () -> service.change(other, added.version(),
                new StaffDraft("李师傅", List.of("technician"), List.of(new SkillLevel(code, 2)), null), ADMIN));
        assertEquals("skills[0].code", e.violations().get(0).field());
        assertEquals("skill.retired", e.violations().get(0).code());
        assertEquals(List.of(new SkillLevel("MECHANICAL", 4)), service.get(other, ADMIN).skills());
    }

    @Test
    void theDirectoryTellsTheRolesOfAnActiveMemberAndNothingOfADisabledOne() {
        String login = newLogin();
        StaffAccount added = service.add(new NewStaff(login, "王顾问", "s3cret-pass", List.of("advisor"), List.of(),
                null), ADMIN);
        assertEquals(List.of("advisor"), service.member(login).orElseThrow().roles());
        assertTrue(service.member(login).orElseThrow().hasAnyRole(Set.of("advisor", "manager")));
        assertEquals(Optional.empty(), service.technician(login));
        service.disable(login, added.version(), ADMIN);
        assertEquals(Optional.empty(), service.member(login));
        assertEquals(Optional.empty(), service.member("nobody.here"));
    }

    @Test
    void aStaleVersionChangesNothing() {
        String login = newLogin();
        StaffAccount added = service.add(technician(login), ADMIN);
        service.change(login, added.version(), new StaffDraft("李师傅", List.of("technician"), List.of(), "二组"), ADMIN);
        DmsException e = assertThrows(DmsException.class, () -> service.change(login, added.version(),
                new StaffDraft("王师傅", List.of("technician"), List.of(), null), ADMIN));
        assertEquals("stale_version", e.violations().get(0).code());
        assertEquals("李师傅", service.get(login, ADMIN).name());
    }

    @Test
    void aDisabledAccountCannotLogInEvenRightAfterASuccessfulLogin() {
        String login = newLogin();
        StaffAccount added = service.add(technician(login), ADMIN);
        assertTrue(service.verify(login, "s3cret-pass").isPresent()); // now in the credential cache
        StaffAccount disabled = service.disable(login, added.version(), ADMIN);
        assertFalse(disabled.active());
        assertEquals(Optional.empty(), service.verify(login, "s3cret-pass"));
        assertEquals(Optional.empty(), service.technician(login));
        assertFalse(service.list(false, ADMIN).stream().anyMatch(a -> a.login().equals(login)));
        assertTrue(service.list(true, ADMIN).stream().anyMatch(a -> a.login().equals(login)));

        service.enable(login, disabled.version(), ADMIN);
        assertTrue(service.verify(login, "s3cret-pass").isPresent());
        assertEquals(List.of("ENABLED", "DISABLED", "ADDED"),
                service.changes(login, ADMIN).stream().map(StaffChange::what).toList());
    }

    @Test
    void aNewPasswordReplacesTheOldOneAtOnce() {
        String login = newLogin();
        service.add(technician(login), ADMIN);
        assertTrue(service.verify(login, "s3cret-pass").isPresent());
        Actor self = new Actor(login, Set.of("technician"), Channel.CONSOLE);
        service.setPassword(login, "another-pass", self);
        assertEquals(Optional.empty(), service.verify(login, "s3cret-pass"));
        assertTrue(service.verify(login, "another-pass").isPresent());
        DmsException e = assertThrows(DmsException.class, () -> service.setPassword("boss", "x-another-pass", self));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals("PASSWORD", service.changes(login, ADMIN).get(0).what());
    }

    @Test
    void theLastActiveAdminIsNeitherDisabledNorDemoted() {
        try (TestDatabase own = database()) {
            own.migrate("db/org.opendms.staff.impl/changelog.xml");
            JpaStaffService fresh = new JpaStaffService();
            fresh.jpa = own.jpa("dms-staff");
            fresh.clock = service.clock;
            fresh.permissions = service.permissions;
            fresh.audit = trail(own, fresh);
            Actor system = Actor.system();
            StaffAccount only = fresh
                    .add(new NewStaff("chief", "站长", "chief-pass-1", List.of("admin"), List.of(), null), system);
            DmsException e = assertThrows(DmsException.class, () -> fresh.disable("chief", only.version(), system));
            assertEquals("staff.last_admin", e.violations().get(0).code());
            assertThrows(DmsException.class, () -> fresh.change("chief", only.version(),
                    new StaffDraft("站长", List.of("manager"), List.of(), null), system));
            assertTrue(fresh.verify("chief", "chief-pass-1").isPresent());

            fresh.add(new NewStaff("deputy", "副站长", "deputy-pass-1", List.of("admin"), List.of(), null), system);
            assertFalse(fresh.disable("chief", only.version(), system).active());
        }
    }

    @Test
    void usersPropertiesAreImportedOnceAndTheirPasswordsBecomeBcryptAtFirstLogin(@TempDir Path dir) throws Exception {
        // a fresh database of its own: the import runs only when there is no account yet
        try (TestDatabase own = database()) {
            own.migrate("db/org.opendms.staff.impl/changelog.xml");
            JpaStaffService fresh = new JpaStaffService();
            fresh.jpa = own.jpa("dms-staff");
            fresh.clock = service.clock;
            fresh.permissions = service.permissions;
            fresh.audit = trail(own, fresh);
            Path users = dir.resolve("users.properties");
            Files.writeString(users, String.join("\n",
                    "admin = demo,_g_:admingroup",
                    "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                    "technician = {CRYPT}2a97516c354b68848cdbd8f54a226a0a55b21ed138e207ad6c5cbb9c00aa5aea{CRYPT},technician",
                    "karaf = karaf,viewer"));
            fresh.importUsersOnce(users);
            assertEquals(2, own.count("SELECT COUNT(*) FROM staff_account"));
            // the file no longer lets anyone in, should Karaf's own realm answer while the staff bundle is stopped
            assertEquals(List.of(), UsersFile.read(users));
            assertTrue(Files.readString(users).contains("_g_\\:admingroup = group"), Files.readString(users));
            assertEquals(Optional.of(Set.of("admin", "manager")), fresh.verify("admin", "demo"));
            assertEquals(Optional.of(Set.of("technician")), fresh.verify("technician", "demo"));
            assertEquals(Optional.empty(), fresh.verify("karaf", "karaf"));
            assertEquals(0, own.count("SELECT COUNT(*) FROM staff_account WHERE password_hash NOT LIKE '$2y$%'"));
            assertEquals("PASSWORD_REHASHED", fresh.changes("admin", ADMIN).get(0).what());

            fresh.importUsersOnce(users);
            assertEquals(2, own.count("SELECT COUNT(*) FROM staff_account"));
            assertTrue(fresh.verify("admin", "demo").isPresent());
        }
    }
}
