package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.PersistenceException;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.plugin.membership.api.Points;
import org.opendms.plugin.membership.api.PointsEntry;
import org.opendms.plugin.membership.api.PointsRules;
import org.opendms.plugin.membership.api.TierChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Points on the plugin's tables; expiry runs hourly for the points whose day has passed. */
@Component(service = { Points.class, JpaPoints.class })
public class JpaPoints implements Points {

    private static final Logger LOG = LoggerFactory.getLogger(JpaPoints.class);

    @Reference
    JpaMembership membership;

    private ScheduledExecutorService hourly;

    @Activate
    void start() {
        hourly = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dms-membership-points-expiry"));
        hourly.scheduleWithFixedDelay(() -> {
            try {
                expire(membership.clock.today());
                downgrade(membership.clock.today());
            } catch (RuntimeException e) {
                LOG.warn("points expiry or the tier check did not run: {}", e.toString());
            }
        }, 2, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        hourly.shutdownNow();
    }

    @Override
    public long balance(long memberId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return membership.jpa.txExpr(em -> {
            JpaMembership.member(em, memberId);
            PointsBalanceEntity b = em.find(PointsBalanceEntity.class, memberId);
            return b == null ? 0L : b.points;
        });
    }

    @Override
    public Page<PointsEntry> ledger(long memberId, PageRequest page, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return membership.jpa.txExpr(em -> {
            JpaMembership.member(em, memberId);
            long total = em.createQuery("SELECT COUNT(e) FROM PointsEntryEntity e WHERE e.memberId = :m", Long.class)
                    .setParameter("m", memberId).getSingleResult();
            List<PointsEntry> items = em.createQuery("SELECT e FROM PointsEntryEntity e WHERE e.memberId = :m ORDER BY"
                    + " e.id DESC", PointsEntryEntity.class).setParameter("m", memberId)
                    .setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList().stream()
                    .map(JpaPoints::entry).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    static PointsEntry entry(PointsEntryEntity e) {
        return new PointsEntry(e.id, e.memberId, e.kind, e.points, e.balanceAfter, e.settlementId, e.reference,
                e.reason, e.expiresOn, Stored.instant(e.at), e.by);
    }

    @Override
    public PointsRules rules(String tier, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        String t = tier == null ? "STANDARD" : tier.strip().toUpperCase(Locale.ROOT);
        return membership.jpa.txExpr(em -> {
            PointsRuleEntity r = em.find(PointsRuleEntity.class, t);
            if (r == null && membership.tierRule.containsValue(t)) {
                PointsRules standard = rules(PointsBook.rules(em, Tiers.STANDARD));
                return new PointsRules(t, standard.labourRate(), standard.partsRate(), standard.otherRate(),
                        standard.pointsPerYuan(), standard.maxShare(), standard.expiryMonths(), 0);
            }
            if (r == null) {
                throw DmsException.notFound("tier", "没有等级 " + t + " 的积分规则", "no points rules for tier " + t);
            }
            return rules(r);
        });
    }

    static PointsRules rules(PointsRuleEntity r) {
        return new PointsRules(r.tier, r.labourRate, r.partsRate, r.otherRate, r.pointsPerYuan, r.maxShare,
                r.expiryMonths, r.version);
    }

    @Override
    public PointsRules setRules(PointsRules rules, long expectedVersion, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        Violations v = new Violations();
        if (rules == null) {
            v.add("tier", "required", "请填写积分规则", "the rules are required");
            v.throwIfAny();
        }
        rate(v, "labourRate", rules.labourRate());
        rate(v, "partsRate", rules.partsRate());
        rate(v, "otherRate", rules.otherRate());
        if (rules.pointsPerYuan() == null || rules.pointsPerYuan() < 1 || rules.pointsPerYuan() > 10_000) {
            v.add("pointsPerYuan", "out_of_range", "多少积分抵 1 元：1–10000", "pointsPerYuan is 1 to 10,000");
        }
        if (rules.maxShare() == null || rules.maxShare().signum() < 0 || rules.maxShare().compareTo(BigDecimal.ONE) > 0
                || rules.maxShare().stripTrailingZeros().scale() > 4) {
            v.add("maxShare", "out_of_range", "积分最多抵扣比例应在 0–1 之间", "maxShare is 0 to 1");
        }
        if (rules.expiryMonths() == null || rules.expiryMonths() < 1 || rules.expiryMonths() > 120) {
            v.add("expiryMonths", "out_of_range", "积分有效月数应为 1–120", "expiryMonths is 1 to 120");
        }
        v.throwIfAny();
        String tier = rules.tier() == null ? "STANDARD" : rules.tier().strip().toUpperCase(Locale.ROOT);
        return DeadlockRetry.write(() -> membership.tx(em -> {
            PointsRuleEntity r = em.find(PointsRuleEntity.class, tier);
            if (r == null && membership.tierRule.containsValue(tier)) {
                // a tier of the shop's rule earns like STANDARD until its own rules are set: the first set makes them
                r = new PointsRuleEntity();
                r.tier = tier;
                PointsRules standard = rules(PointsBook.rules(em, Tiers.STANDARD));
                r.labourRate = standard.labourRate();
                r.partsRate = standard.partsRate();
                r.otherRate = standard.otherRate();
                r.pointsPerYuan = standard.pointsPerYuan();
                r.maxShare = standard.maxShare();
                r.expiryMonths = standard.expiryMonths();
                em.persist(r);
            }
            if (r == null) {
                throw DmsException.notFound("tier", "没有等级 " + tier + " 的积分规则", "no points rules for tier " + tier);
            }
            StaleVersion.check(r.version, expectedVersion, "积分规则 " + tier, "points rules of " + tier);
            PointsRules before = rules(r);
            r.labourRate = rules.labourRate();
            r.partsRate = rules.partsRate();
            r.otherRate = rules.otherRate();
            r.pointsPerYuan = rules.pointsPerYuan();
            r.maxShare = rules.maxShare();
            r.expiryMonths = rules.expiryMonths();
            r.version++;
            em.flush();
            PointsRules after = rules(r);
            membership.audit.record(em, actor, "member.points-rules", tier, before, after);
            return after;
        }));
    }

    private static void rate(Violations v, String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0
                || rate.stripTrailingZeros().scale() > 4) {
            v.add(field, "out_of_range", field + " 每元积分应在 0–100 之间", field + " is 0 to 100 points a yuan");
        }
    }

    @Override
    public PointsEntry adjust(long memberId, String direction, long points, String reason, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.ADJUST);
        Violations v = new Violations();
        String way = direction == null ? null : direction.strip().toUpperCase(Locale.ROOT);
        if (!"ADD".equals(way) && !"DEDUCT".equals(way)) {
            v.add("direction", "invalid", "调整方向应为 ADD（增加）或 DEDUCT（扣减）", "direction is ADD or DEDUCT");
        }
        if (points < 1 || points > 10_000_000) {
            v.add("points", "out_of_range", "调整积分应为 1–10000000", "points is 1 to 10,000,000");
        }
        Checks.reason(v, reason);
        v.throwIfAny();
        return DeadlockRetry.write(() -> membership.tx(em -> {
            MemberEntity m = JpaMembership.member(em, memberId);
            PointsBalanceEntity b = PointsBook.lock(em, memberId);
            long before = b.points;
            boolean add = "ADD".equals(way);
            PointsEntryEntity e = PointsBook.move(em, b, "ADJUST", add ? points : -points, false, membership.now(),
                    actor.username());
            if (add) { // points given by hand expire like points earned today
                e.expiresOn = PointsBook.expiry(membership.clock.today(),
                        PointsBook.rules(em, m.tier).expiryMonths);
            }
            e.reason = reason.strip();
            em.flush();
            membership.later(l -> l.pointsMoved(entry(e)));
            membership.audit.record(em, actor, "member.points", memberId, java.util.Map.of("points", before),
                    java.util.Map.of("points", b.points));
            return entry(e);
        }));
    }

    /** Expires, for every member with points whose day has passed, what of them was not used; answers how many. */
    int expire(LocalDate today) {
        List<Long> members = membership.jpa.txExpr(em -> em.createQuery("SELECT DISTINCT e.memberId FROM"
                + " PointsEntryEntity e WHERE e.expiresOn IS NOT NULL AND e.expiresOn < :d", Long.class)
                .setParameter("d", today).getResultList());
        int touched = 0;
        for (long memberId : members) {
            boolean done = DeadlockRetry.write(() -> membership.tx(em -> {
                PointsBalanceEntity b = PointsBook.lock(em, memberId);
                // never more than the member has: points a reversal took back below 0 are not expired again
                long gone = Math.min(PointsBook.expiring(em, memberId, today), Math.max(0, b.points));
                if (gone <= 0) {
                    return false;
                }
                PointsEntryEntity e = PointsBook.move(em, b, "EXPIRE", -gone, true, membership.now(),
                        Actor.system().username());
                e.reason = "积分过期 points expired";
                membership.later(l -> l.pointsMoved(entry(e)));
                return true;
            }));
            touched += done ? 1 : 0;
        }
        return touched;
    }

    /** Members above STANDARD whose spend rolled out of the twelve months move down; answers how many. */
    int downgrade(LocalDate today) {
        List<Long> above = membership.jpa.txExpr(em -> em.createQuery("SELECT m.id FROM MemberEntity m WHERE m.tier <>"
                + " :s AND m.active = :a", Long.class).setParameter("s", Tiers.STANDARD).setParameter("a", true)
                .getResultList());
        int moved = 0;
        for (long id : above) {
            TierChange change = DeadlockRetry.write(() -> membership.jpa.txExpr(em -> Tiers.evaluate(em, id, today,
                    membership.tierRule, membership.now())));
            membership.told(change);
            moved += change != null ? 1 : 0;
        }
        return moved;
    }

    /** For listeners and tenders: a once-only write that lost a race is not an error. */
    static boolean isOnceTaken(PersistenceException e) {
        return Failures.isUniqueViolation(e, "uq_mem_points_entry_once");
    }
}
