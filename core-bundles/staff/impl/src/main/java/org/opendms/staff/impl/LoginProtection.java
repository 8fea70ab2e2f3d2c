package org.opendms.staff.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.karaf.jaas.config.JaasRealm;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.LoginGuard;
import org.opendms.platform.api.security.LoginRefusal;
import org.opendms.platform.api.security.Permissions;
import org.opendms.staff.api.LoginEvent;
import org.opendms.staff.api.LoginLock;
import org.opendms.staff.api.LoginSecurity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login protection: failed logins counted per login and per remote address ({@link LoginCounters}), asked by the REST
 * login before any password is hashed, so that refused attempts cost nothing; every failure, lock and unlock goes to
 * the security log (table staff_login_event) that admins read. Settings: {@code etc/org.opendms.login.cfg}.
 */
@Component(service = { LoginGuard.class, LoginSecurity.class }, configurationPid = LoginConfig.PID)
@Designate(ocd = LoginConfig.class)
public class LoginProtection implements LoginGuard, LoginSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(LoginProtection.class);
    static final String LOGIN = "login";
    static final String ADDRESS = "address";

    @Reference(target = "(osgi.unit.name=dms-staff)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.staff.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    /**
     * Not called: counting starts only once staff accounts answer logins. Before that Karaf's users.properties realm
     * does (while the accounts are imported), and its refusals say nothing about a staff account: counted, they could
     * lock a user who is merely early.
     */
    @Reference(target = "(component.name=org.opendms.staff.impl.StaffRealm)")
    JaasRealm staffRealm;

    final LoginCounters logins = new LoginCounters();
    final LoginCounters addresses = new LoginCounters();
    private volatile LoginCounters.Policy loginPolicy;
    private volatile LoginCounters.Policy addressPolicy;

    @Activate
    @Modified
    void configure(LoginConfig c) {
        Duration delay = Duration.ofSeconds(Math.max(1, c.delaySeconds()));
        Duration max = Duration.ofSeconds(Math.max(c.delaySeconds(), c.maxDelaySeconds()));
        Duration lock = Duration.ofMinutes(Math.max(1, c.lockMinutes()));
        Duration forget = Duration.ofMinutes(Math.max(1, c.forgetAfterMinutes()));
        loginPolicy = new LoginCounters.Policy(c.slowDownAfter(), delay, max, c.lockAfter(), lock, forget);
        addressPolicy = new LoginCounters.Policy(c.addressSlowDownAfter(), delay, max, c.addressLockAfter(), lock,
                forget);
    }

    @Override
    public Optional<LoginRefusal> admit(String login, String address) {
        Instant now = clock.now();
        LoginCounters.State held = logins.held(LoginCounters.key(login), now);
        if (held != null) {
            return Optional.of(new LoginRefusal(held.locked(), LOGIN, held.until()));
        }
        if (address != null) {
            held = addresses.held(LoginCounters.key(address), now);
            if (held != null) {
                return Optional.of(new LoginRefusal(held.locked(), ADDRESS, held.until()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void failed(String login, String address, String channel) {
        Instant now = clock.now();
        List<LoginEventEntity> events = new ArrayList<>();
        events.add(event(now, "FAILED", cut(login), address, channel, null, null));
        LoginCounters.State s = logins.failed(LoginCounters.key(login), now, loginPolicy);
        if (s.locked() && s.lastFailure().equals(now)) {
            events.add(event(now, "LOCKED", cut(login), address, channel, null,
                    "until " + s.until().truncatedTo(ChronoUnit.SECONDS) + " after " + s.failures() + " failures"));
            LOG.warn("Login {} locked until {} after repeated failed logins (last from {})", cut(login), s.until(),
                    address);
        }
        if (address != null && addressPolicy.slowDownAfter() + addressPolicy.lockAfter() > 0) {
            LoginCounters.State a = addresses.failed(LoginCounters.key(address), now, addressPolicy);
            if (a.locked() && a.lastFailure().equals(now)) {
                events.add(event(now, "LOCKED", null, address, channel, null,
                        "until " + a.until().truncatedTo(ChronoUnit.SECONDS) + " after " + a.failures() + " failures"));
                LOG.warn("Logins from {} locked until {} after repeated failed logins", address, a.until());
            }
        }
        write(events);
    }

    @Override
    public void succeeded(String login, String address) {
        logins.succeeded(LoginCounters.key(login));
    }

    @Override
    public List<LoginLock> locks(Actor actor) {
        permissions.require(actor, "staff.login.read");
        Instant now = clock.now();
        List<LoginLock> result = new ArrayList<>();
        for (Map.Entry<String, LoginCounters.State> e : logins.heldNow(now)) {
            result.add(lock(e.getKey(), null, e.getValue()));
        }
        for (Map.Entry<String, LoginCounters.State> e : addresses.heldNow(now)) {
            result.add(lock(null, e.getKey(), e.getValue()));
        }
        result.sort(Comparator.comparing(LoginLock::until).reversed());
        return result;
    }

    @Override
    public List<LoginEvent> events(String login, int limit, Actor actor) {
        permissions.require(actor, "staff.login.read");
        if (limit < 1 || limit > 1000) {
            throw DmsException.invalid("limit", "range", "条数须在 1 到 1000 之间", "limit must be 1 to 1000");
        }
        return jpa.txExpr(em -> {
            var q = login == null
                    ? em.createQuery("SELECT e FROM LoginEventEntity e ORDER BY e.id DESC", LoginEventEntity.class)
                    : em.createQuery("SELECT e FROM LoginEventEntity e WHERE e.login = :l ORDER BY e.id DESC",
                            LoginEventEntity.class).setParameter("l", login);
            return q.setMaxResults(limit).getResultList().stream()
                    .map(e -> new LoginEvent(e.id, e.at.toInstant(ZoneOffset.UTC), e.kind, e.login, e.address,
                            e.channel, e.byLogin, e.detail))
                    .toList();
        });
    }

    @Override
    public LoginLock unlock(String login, String address, Actor actor) {
        permissions.require(actor, "staff.login.unlock");
        if ((login == null || login.isBlank()) == (address == null || address.isBlank())) {
            throw DmsException.invalid("login", "unlock.which", "请给出要解锁的登录名或地址（二者之一）",
                    "give the login or the address to unlock (one of the two)");
        }
        boolean byLogin = login != null && !login.isBlank();
        String key = LoginCounters.key(byLogin ? login : address);
        LoginCounters.State s = (byLogin ? logins : addresses).clear(key);
        Instant now = clock.now();
        if (s == null || !s.heldAt(now)) {
            throw DmsException.notFound(byLogin ? "login" : "address",
                    (byLogin ? "登录名 " : "地址 ") + key + " 未被锁定或限速",
                    (byLogin ? "login " : "address ") + key + " is neither locked nor slowed down");
        }
        write(List.of(event(now, "UNLOCKED", byLogin ? key : null, byLogin ? null : key, actor.channel().name(),
                actor.username(), (s.locked() ? "was locked until " : "was slowed down until ")
                        + s.until().truncatedTo(ChronoUnit.SECONDS))));
        return byLogin ? lock(key, null, s) : lock(null, key, s);
    }

    private static LoginLock lock(String login, String address, LoginCounters.State s) {
        return new LoginLock(login, address, s.locked(), s.until(), s.failures(), s.refused());
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static LoginEventEntity event(Instant at, String kind, String login, String address, String channel,
            String by, String detail) {
        LoginEventEntity e = new LoginEventEntity();
        e.at = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        e.kind = kind;
        e.login = login;
        e.address = cut(address);
        e.channel = channel == null ? "REST" : cut(channel);
        e.byLogin = by;
        e.detail = detail;
        return e;
    }

    /** The log must not turn a failed login into a server error: a write that fails is logged and the login goes on. */
    private void write(List<LoginEventEntity> events) {
        try {
            jpa.tx(em -> events.forEach(e -> {
                em.persist(e);
                em.flush(); // in this order: a failure before the lock it caused
            }));
        } catch (RuntimeException e) {
            LOG.error("Could not write {} security log entries", events.size(), e);
        }
    }
}
