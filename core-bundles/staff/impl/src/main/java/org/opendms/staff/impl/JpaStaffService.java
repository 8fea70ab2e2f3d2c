package org.opendms.staff.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.AccountChanges;
import org.opendms.platform.api.security.DisplayNames;
import org.opendms.platform.api.security.Permissions;
import org.opendms.staff.api.NewStaff;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffChange;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.staff.api.StaffDraft;
import org.opendms.staff.api.StaffMember;
import org.opendms.staff.api.StaffService;
import org.opendms.staff.api.Technician;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts on JPA, the technician directory, and login checks for the JAAS realm. Starts only once the staff
 * tables are migrated; on the first start it takes over the users of etc/users.properties.
 */
@Component(service = { StaffService.class, StaffDirectory.class, StaffLogins.class,
        DisplayNames.class }, configurationPid = StaffConfig.PID)
@Designate(ocd = StaffConfig.class)
public class JpaStaffService implements StaffService, StaffDirectory, StaffLogins, DisplayNames {

    private static final Logger LOG = LoggerFactory.getLogger(JpaStaffService.class);

    @Reference(target = "(osgi.unit.name=dms-staff)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.staff.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    /** Who may do what: staff.* of the platform's table (admins keep accounts; managers and foremen read them). */
    @Reference
    Permissions permissions;

    /** Who changed which field of an account, old and new value, written in the change's transaction. */
    @Reference
    AuditTrail audit;

    /** The skill codes accounts may name. */
    @Reference
    SkillCatalogue skills;

    /** The REST login's credential cache and browser sessions: told after each stored change of an account. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<AccountChanges> watchers = new CopyOnWriteArrayList<>();

    CredentialCache cache = new CredentialCache(60);

    @Activate
    void activate(StaffConfig config) {
        cache = new CredentialCache(config.credentialCacheSeconds());
        String etc = System.getProperty("karaf.etc");
        if (!config.importUsersFrom().isBlank()) {
            importUsersOnce(Path.of(config.importUsersFrom()));
        } else if (etc != null) {
            importUsersOnce(Path.of(etc, "users.properties"));
        }
    }

    @Override
    public StaffAccount add(NewStaff staff, Actor actor) {
        permissions.require(actor, "staff.add");
        List<Violation> problems = new ArrayList<>();
        String login = StaffRules.login(staff == null ? null : staff.login(), problems);
        StaffRules.password("password", staff == null ? null : staff.password(), problems);
        StaffRules.Valid valid = StaffRules.details(staff == null ? null
                : new StaffDraft(staff.name(), staff.roles(), staff.skills(), staff.team()), skills, Set.of(),
                problems);
        StaffRules.refuseIfAny(problems);
        // refuse a taken login before bcrypt (~80 ms), so a refused request is cheap; checked again when written
        jpa.txExpr(em -> {
            if (findOrNull(em, login) != null) {
                throw duplicateLogin(login);
            }
            return null;
        });
        String hash = Passwords.hash(staff.password());
        try {
            return jpa.txExpr(em -> {
                if (findOrNull(em, login) != null) {
                    throw duplicateLogin(login);
                }
                LocalDateTime now = now();
                StaffEntity e = new StaffEntity();
                e.login = login;
                e.passwordHash = hash;
                StaffRecords.apply(e, valid);
                e.createdAt = now;
                e.createdBy = actor.username();
                stamp(e, actor, now);
                em.persist(e);
                em.flush();
                record(em, login, "ADDED", StaffRecords.describe(e), actor, now);
                audit.record(em, actor, "staff", login, null, StaffRecords.account(e));
                return StaffRecords.account(e);
            });
        } catch (PersistenceException e) {
            throw Failures.isUniqueViolation(e) ? duplicateLogin(login) : e;
        } finally {
            cache.forget(login);
        }
    }

    @Override
    public StaffAccount change(String login, long expectedVersion, StaffDraft draft, Actor actor) {
        permissions.require(actor, "staff.update");
        List<Violation> problems = new ArrayList<>();
        // a retired skill the account already holds may stay on it
        Set<String> held = login == null ? Set.of()
                : jpa.txExpr(em -> Optional.ofNullable(findOrNull(em, login)).map(e -> Set.copyOf(e.skills.keySet()))
                        .orElse(Set.of()));
        StaffRules.Valid valid = StaffRules.details(draft, skills, held, problems);
        StaffRules.refuseIfAny(problems);
        return write(login, expectedVersion, actor, (em, e) -> {
            if (!valid.roles().contains(Roles.ADMIN)) {
                keepAnAdmin(em, e);
            }
            var before = StaffRecords.fields(e);
            StaffRecords.apply(e, valid);
            String diff = StaffRecords.diff(before, StaffRecords.fields(e));
            return diff.isEmpty() ? null : new String[] { "CHANGED", diff };
        });
    }

    @Override
    public StaffAccount disable(String login, long expectedVersion, Actor actor) {
        permissions.require(actor, "staff.disable");
        if (actor.username().equals(login)) {
            throw DmsException.conflict("login", "staff.self_disable", "不能停用自己的账号",
                    "you cannot disable your own account");
        }
        return write(login, expectedVersion, actor, (em, e) -> {
            if (!e.active) {
                return null;
            }
            keepAnAdmin(em, e);
            e.active = false;
            return new String[] { "DISABLED", null };
        });
    }

    @Override
    public StaffAccount enable(String login, long expectedVersion, Actor actor) {
        permissions.require(actor, "staff.enable");
        return write(login, expectedVersion, actor, (em, e) -> {
            if (e.active) {
                return null;
            }
            e.active = true;
            return new String[] { "ENABLED", null };
        });
    }

    @Override
    public StaffAccount setPassword(String login, String password, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        StaffRules.password("password", password, problems);
        StaffRules.refuseIfAny(problems);
        boolean own = actor != null && actor.username().equals(login);
        permissions.require(actor, own ? "staff.password.own" : "staff.password.others");
        // an unknown login is refused (404) before bcrypt (~80 ms), so a refused request is cheap
        jpa.txExpr(em -> find(em, login));
        String hash = Passwords.hash(password);
        return write(login, null, actor, (em, e) -> {
            e.passwordHash = hash;
            audit.record(em, actor, "staff", login, Map.of("password", "******"), Map.of("password", "****** (新 new)"));
            return new String[] { "PASSWORD", null };
        });
    }

    @Override
    public StaffAccount get(String login, Actor actor) {
        permissions.require(actor, "staff.read");
        return jpa.txExpr(em -> StaffRecords.account(find(em, login)));
    }

    @Override
    public List<StaffAccount> list(boolean withDisabled, Actor actor) {
        permissions.require(actor, "staff.read");
        return jpa.txExpr(em -> {
            var query = em.createQuery("SELECT s FROM StaffEntity s" + (withDisabled ? "" : " WHERE s.active = :active")
                    + " ORDER BY s.login", StaffEntity.class);
            if (!withDisabled) {
                query.setParameter("active", true);
            }
            return query.getResultList().stream().map(StaffRecords::account).toList();
        });
    }

    @Override
    public List<StaffChange> changes(String login, Actor actor) {
        permissions.require(actor, "staff.changes.read");
        return jpa.txExpr(em -> {
            find(em, login);
            return em
                    .createQuery("SELECT c FROM StaffChangeEntity c WHERE c.login = :l ORDER BY c.id DESC",
                            StaffChangeEntity.class)
                    .setParameter("l", login).setMaxResults(500).getResultList().stream().map(StaffRecords::change)
                    .toList();
        });
    }

    @Override
    public Optional<Technician> technician(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(findOrNull(em, login.trim()))
                .filter(e -> e.active && e.roles.contains(Roles.TECHNICIAN)).map(StaffRecords::technician));
    }

    @Override
    public List<Technician> technicians() {
        return jpa.txExpr(em -> em
                .createQuery(
                        "SELECT DISTINCT s FROM StaffEntity s JOIN s.roles r WHERE s.active = :active AND r = :role"
                                + " ORDER BY s.login",
                        StaffEntity.class)
                .setParameter("active", true).setParameter("role", Roles.TECHNICIAN).getResultList().stream()
                .map(StaffRecords::technician).toList());
    }

    @Override
    public Optional<StaffMember> member(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> Optional.ofNullable(findOrNull(em, login.trim())).filter(e -> e.active)
                .map(StaffRecords::member));
    }

    @Override
    public Optional<String> nameOf(String login) {
        return member(login).map(StaffMember::name);
    }

    @Override
    public Optional<Set<String>> verify(String login, String password) {
        if (login == null || password == null || login.isEmpty()) {
            return Optional.empty();
        }
        Set<String> known = cache.roles(login, password);
        if (known != null) {
            return Optional.of(known);
        }
        long generation = cache.generation();
        StaffEntity e = jpa.txExpr(em -> {
            StaffEntity found = findOrNull(em, login);
            if (found != null) {
                em.detach(found);
            }
            return found;
        });
        if (e == null || !e.active) {
            Passwords.burn(password);
            return Optional.empty();
        }
        if (!Passwords.matches(e.passwordHash, password)) {
            return Optional.empty();
        }
        if (Passwords.isLegacy(e.passwordHash)) {
            rehash(login, e.passwordHash, password);
        }
        Set<String> roles = Set.copyOf(e.roles);
        cache.put(login, password, roles, generation);
        return Optional.of(roles);
    }

    /**
     * The first login after an upgrade: the imported SHA-256 becomes bcrypt (only if nobody set a password meanwhile).
     */
    private void rehash(String login, String legacy, String password) {
        String hash = Passwords.hash(password);
        jpa.tx(em -> {
            int updated = em
                    .createQuery(
                            "UPDATE StaffEntity s SET s.passwordHash = :h WHERE s.login = :l AND s.passwordHash = :old")
                    .setParameter("h", hash).setParameter("l", login).setParameter("old", legacy).executeUpdate();
            if (updated == 1) {
                record(em, login, "PASSWORD_REHASHED", "bcrypt", Actor.system(), now());
            }
        });
    }

    /** Takes over etc/users.properties when there is no account yet, so its users keep their passwords. */
    void importUsersOnce(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<UsersFile.User> users = UsersFile.read(file);
            int imported = jpa.txExpr(em -> {
                if (em.createQuery("SELECT COUNT(s) FROM StaffEntity s", Long.class).getSingleResult() > 0) {
                    return 0;
                }
                LocalDateTime now = now();
                Actor system = Actor.system();
                int n = 0;
                for (UsersFile.User u : users) {
                    List<Violation> problems = new ArrayList<>();
                    StaffRules.login(u.login(), problems);
                    List<String> roles = u.roles().stream().filter(Roles.ALL::contains).toList();
                    if (!problems.isEmpty() || roles.isEmpty()) {
                        LOG.warn(
                                "users.properties: {} not imported as staff (login not allowed or no shop role); it can no longer log in",
                                u.login());
                        continue;
                    }
                    StaffEntity e = new StaffEntity();
                    e.login = u.login();
                    e.name = u.login();
                    e.passwordHash = Passwords.fromUsersProperties(u.password());
                    e.roles.addAll(roles);
                    e.createdAt = now;
                    e.createdBy = system.username();
                    stamp(e, system, now);
                    em.persist(e);
                    record(em, e.login, "IMPORTED", "from " + file + "; " + StaffRecords.describe(e), system, now);
                    n++;
                }
                return n;
            });
            if (imported > 0) {
                LOG.info("Imported {} staff accounts from {}; their passwords become bcrypt at each one's first login",
                        imported, file);
            }
            // once there are accounts the file no longer decides who logs in (also for a newer distribution started
            // on the same dealer home); with none, it stays, or nobody could log in at all
            if (!users.isEmpty() && jpa.txExpr(em -> em.createQuery("SELECT COUNT(s) FROM StaffEntity s", Long.class)
                    .getSingleResult()) > 0) {
                UsersFile.retire(file, "moved to staff accounts (dms:staff-*, /api/staff) on " + clock.today());
                LOG.info("The users of {} are commented out: staff accounts decide who logs in", file);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Could not import staff accounts from {}: {}", file, e.toString(), e);
        }
    }

    /** One account change under its version: the step returns {what, detail}, or null when nothing changed. */
    private StaffAccount write(String login, Long expectedVersion, Actor actor, Step step) {
        boolean[] changed = { false };
        try {
            StaffAccount written = jpa.txExpr(em -> {
                StaffEntity e = find(em, login);
                if (expectedVersion != null && e.version != expectedVersion) {
                    throw staleVersion(e.version, expectedVersion);
                }
                StaffAccount before = StaffRecords.account(e);
                String[] what = step.apply(em, e);
                if (what == null) {
                    return StaffRecords.account(e);
                }
                LocalDateTime now = now();
                stamp(e, actor, now);
                em.flush();
                record(em, login, what[0], what[1], actor, now);
                audit.record(em, actor, "staff", login, before, StaffRecords.account(e));
                changed[0] = true;
                return StaffRecords.account(e);
            });
            if (changed[0]) {
                tellWatchers(login); // committed: whoever verified this login checks again from the next request
            }
            return written;
        } catch (javax.persistence.OptimisticLockException e) {
            throw staleVersion(-1, expectedVersion == null ? -1 : expectedVersion);
        } finally {
            cache.forget(login);
        }
    }

    private void tellWatchers(String login) {
        for (AccountChanges watcher : watchers) {
            try {
                watcher.changed(login);
            } catch (RuntimeException e) {
                LOG.error("{} failed on the change of account {}", watcher, login, e);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        String[] apply(EntityManager em, StaffEntity e);
    }

    /** Nobody could keep accounts (or use the console) any more once the last active admin goes. */
    private static void keepAnAdmin(EntityManager em, StaffEntity leaving) {
        if (!leaving.active || !leaving.roles.contains(Roles.ADMIN)) {
            return;
        }
        long others = em
                .createQuery("SELECT COUNT(s) FROM StaffEntity s JOIN s.roles r WHERE s.active = :active AND r = :admin"
                        + " AND s.login <> :login", Long.class)
                .setParameter("active", true).setParameter("admin", Roles.ADMIN)
                .setParameter("login", leaving.login).getSingleResult();
        if (others == 0) {
            throw DmsException.conflict("login", "staff.last_admin", "这是最后一个启用的管理员账号，不能停用或取消其管理员角色",
                    "this is the last active admin account: it cannot be disabled or lose the admin role");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    private static void stamp(StaffEntity e, Actor actor, LocalDateTime now) {
        e.updatedAt = now;
        e.updatedBy = actor.username();
    }

    private static void record(EntityManager em, String login, String what, String detail, Actor actor,
            LocalDateTime at) {
        StaffChangeEntity c = new StaffChangeEntity();
        c.login = login;
        c.what = what;
        c.detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail;
        c.changedBy = actor.username();
        c.channel = actor.channel().name();
        c.changedAt = at;
        em.persist(c);
    }

    private static StaffEntity findOrNull(EntityManager em, String login) {
        return em.createQuery("SELECT s FROM StaffEntity s WHERE s.login = :l", StaffEntity.class)
                .setParameter("l", login)
                .getResultList().stream().findFirst().orElse(null);
    }

    private static StaffEntity find(EntityManager em, String login) {
        StaffEntity e = login == null ? null : findOrNull(em, login);
        if (e == null) {
            throw DmsException.notFound("login", "员工账号 " + login + " 不存在",
                    "staff account " + login + " does not exist");
        }
        return e;
    }

    private static DmsException duplicateLogin(String login) {
        return DmsException.conflict("login", "login.duplicate", "登录名 " + login + " 已被使用",
                "login " + login + " is already taken");
    }

    private static DmsException staleVersion(long current, long expected) {
        String now = current < 0 ? "" : "（当前版本 " + current + "，您修改的是版本 " + expected + "）";
        String nowEn = current < 0 ? "" : " (now version " + current + ", you edited version " + expected + ")";
        return DmsException.conflict("version", "stale_version", "员工账号已被他人修改" + now + "，请重新读取后再改",
                "the staff account was changed by someone else" + nowEn + "; re-read and try again");
    }
}
