package org.opendms.audit.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail on the shared database. An entry is written over the JDBC connection of the EntityManager the
 * changing service hands in, so it is part of that service's transaction without the trail's table being mapped in
 * every persistence unit. Starts only once table audit_change is migrated, so a service that references it never
 * writes before the table exists. Once a shop day it deletes the entries older than the retention period.
 */
@Component(service = AuditTrail.class, configurationPid = AuditConfig.PID)
@Designate(ocd = AuditConfig.class)
public class JpaAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAuditTrail.class);

    /** Six months: the least the trail is kept, whatever the configuration says. */
    static final int MIN_RETENTION_DAYS = 183;
    static final int VALUE_MAX = 1000;
    static final int FIELD_MAX = 200;

    private static final String INSERT = "INSERT INTO audit_change (changed_at, actor, channel, record_type, record_id,"
            + " action, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Reference(target = "(osgi.unit.name=dms-audit)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.audit.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    volatile Masking masking = Masking.defaults();
    volatile int retentionDays = 400;
    private volatile LocalDate lastPurge;
    private ScheduledExecutorService purger;

    public JpaAuditTrail() {
    }

    /** Outside OSGi (tests of the services that write the trail): the database, clock and permissions given. */
    public JpaAuditTrail(JpaTemplate jpa, ShopClock clock, Permissions permissions) {
        this.jpa = jpa;
        this.clock = clock;
        this.permissions = permissions;
    }

    @Activate
    void activate(AuditConfig config) {
        configure(config);
        purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-audit-purge");
            t.setDaemon(true);
            return t;
        });
        // hourly look at the shop's day: the purge runs once a day, on the first look of a new day
        purger.scheduleWithFixedDelay(this::purgeOncePerDay, 2, 60, TimeUnit.MINUTES);
    }

    @Modified
    void configure(AuditConfig config) {
        int days = config.retentionDays();
        if (days < MIN_RETENTION_DAYS) {
            LOG.error("retentionDays {} in {} is under six months; keeping the trail {} days", days, AuditConfig.PID,
                    MIN_RETENTION_DAYS);
            days = MIN_RETENTION_DAYS;
        }
        retentionDays = days;
        masking = new Masking(names(config.mobileFields()), names(config.idNumberFields()),
                names(config.addressFields()), names(config.otherPersonalFields()), Math.max(1, config.addressKeep()));
    }

    /** A .cfg file gives "a,b" as one value. */
    private static Set<String> names(String[] values) {
        return java.util.Arrays.stream(values).flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    @Deactivate
    void deactivate() {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    @Override
    public int record(EntityManager em, Actor actor, String type, Object id, Object before, Object after) {
        Objects.requireNonNull(em, "em");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Collection<Snapshots.Difference> changes = Snapshots.diff(before, after);
        if (changes.isEmpty()) {
            return 0;
        }
        String action = before == null ? "CREATED" : after == null ? "REMOVED" : "CHANGED";
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the audit trail is written inside the change's transaction");
        }
        Masking m = masking;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Timestamp at = Timestamp.valueOf(Stored.utc(clock.now()));
            for (Snapshots.Difference d : changes) {
                insert.setTimestamp(1, at);
                insert.setString(2, cut(actor.username(), 64));
                insert.setString(3, actor.channel().name());
                insert.setString(4, cut(type, 40));
                insert.setString(5, cut(id.toString(), 100));
                insert.setString(6, action);
                insert.setString(7, cut(d.field(), FIELD_MAX));
                text(insert, 8, m.mask(d.field(), d.before()));
                text(insert, 9, m.mask(d.field(), d.after()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("could not write the audit trail of " + type + " " + id, e);
        }
        return changes.size();
    }

    @Override
    public int record(Actor actor, String type, Object id, Object before, Object after) {
        return jpa.txExpr(em -> record(em, actor, type, id, before, after));
    }

    @Override
    public Page<AuditEntry> search(AuditQuery query, PageRequest page, Actor actor) {
        permissions.require(actor, "audit.read");
        Objects.requireNonNull(page, "page");
        AuditQuery q = query == null ? new AuditQuery(null, null, null, null, null, null) : query;
        PagedSearch<AuditChangeEntity> search = PagedSearch.of(AuditChangeEntity.class, "a");
        String type = word("type", q.type(), 40);
        if (type != null) {
            search.where("a.type = :type", "type", type.toLowerCase(Locale.ROOT));
        }
        String id = word("id", q.recordId(), 100);
        if (id != null) {
            search.where("a.recordId = :rid", "rid", id);
        }
        String who = word("actor", q.actor(), 64);
        if (who != null) {
            search.where("a.actor = :actor", "actor", who);
        }
        String field = word("field", q.field(), FIELD_MAX);
        if (field != null) {
            search.where("(a.field = :field OR a.field LIKE :nested ESCAPE '\\')", "field", field)
                    .with("nested", "%." + Stored.literal(field));
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw DmsException.invalid("from", "range", "开始日期晚于结束日期", "from is after to");
        }
        if (q.from() != null) {
            search.where("a.at >= :from", "from", Stored.utc(q.from().atStartOfDay(clock.zone()).toInstant()));
        }
        if (q.to() != null) {
            search.where("a.at < :to", "to", Stored.utc(q.to().plusDays(1).atStartOfDay(clock.zone()).toInstant()));
        }
        return jpa.txExpr(em -> search.page(em, "a.id DESC", page, JpaAuditTrail::entry));
    }

    /** Deletes the entries older than the retention period (by the shop's clock); returns how many. */
    public int purge() {
        var cut = Stored.utc(clock.now().minus(Duration.ofDays(retentionDays)));
        int deleted = jpa.txExpr(em -> em.createQuery("DELETE FROM AuditChangeEntity a WHERE a.at < :cut")
                .setParameter("cut", cut).executeUpdate());
        if (deleted > 0) {
            LOG.info("Audit trail: deleted {} entries older than {} days", deleted, retentionDays);
        }
        return deleted;
    }

    private void purgeOncePerDay() {
        try {
            LocalDate today = clock.today();
            if (!today.equals(lastPurge)) {
                purge();
                lastPurge = today;
            }
        } catch (RuntimeException e) {
            LOG.warn("Audit trail purge failed (tried again within the hour): {}", e.toString(), e);
        }
    }

    private static AuditEntry entry(AuditChangeEntity a) {
        return new AuditEntry(a.id, Stored.instant(a.at), a.actor, a.channel, a.type, a.recordId, a.action, a.field,
                a.oldValue, a.newValue);
    }

    private static String word(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DmsException.invalid(field, "too_long", field + " 过长（最多 " + max + " 个字符）",
                    field + " is too long (at most " + max + " characters)");
        }
        return v;
    }

    private static void text(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, cut(value, VALUE_MAX));
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
