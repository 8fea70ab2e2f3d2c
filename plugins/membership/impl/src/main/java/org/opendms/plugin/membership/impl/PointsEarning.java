package org.opendms.plugin.membership.impl;

import java.util.List;

import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points earned when a member's own bill is settled, taken back when it is reversed; each once (a second event of the
 * same bill writes nothing). Warranty, insurance, manufacturer, internal and goodwill documents earn nothing.
 */
@Component
public class PointsEarning implements SettlementListener {

    private static final Logger LOG = LoggerFactory.getLogger(PointsEarning.class);

    @Reference
    JpaMembership membership;

    @Reference
    Settlements settlements;

    @Override
    public void settled(SettlementEvent event) {
        if (event.payer() != Payer.CUSTOMER || event.reversalOfId() != null) {
            return;
        }
        Settlement doc = settlements.get(event.settlementId());
        once(() -> membership.tx(em -> {
            List<MemberEntity> found = em.createQuery("SELECT m FROM MemberEntity m WHERE m.customerId = :c AND"
                    + " m.active = :a", MemberEntity.class).setParameter("c", event.customerId())
                    .setParameter("a", true).getResultList();
            if (found.isEmpty()) {
                return null;
            }
            // the member's row first: a bill's spend row inserted before it would block the tier sum of another bill
            // of the same member holding the row (a deadlock Derby only breaks after its lock timeout)
            MemberEntity m = em.find(MemberEntity.class, found.get(0).id, LockModeType.PESSIMISTIC_WRITE);
            if (em.find(SpendEntity.class, doc.id()) == null) {
                SpendEntity spent = new SpendEntity();
                spent.settlementId = doc.id();
                spent.memberId = m.id;
                spent.day = membership.clock.today();
                spent.amount = doc.payable();
                em.persist(spent);
                em.flush();
                membership.later(Tiers.evaluate(em, m.id, membership.clock.today(), membership.tierRule,
                        membership.now()));
            }
            PointsRuleEntity rules = PointsBook.rules(em, m.tier);
            long points = PointsBook.earned(doc, rules);
            if (points <= 0) {
                return null;
            }
            PointsBalanceEntity b = PointsBook.lock(em, m.id);
            PointsEntryEntity e = PointsBook.move(em, b, "EARN", points, false, membership.now(), event.by());
            e.settlementId = doc.id();
            e.reference = doc.number();
            e.expiresOn = PointsBook.expiry(membership.clock.today(), rules.expiryMonths);
            e.onceKey = "EARN:" + doc.id();
            membership.later(l -> l.pointsMoved(JpaPoints.entry(e)));
            return null;
        }));
    }

    @Override
    public void reversed(SettlementEvent event) {
        if (event.payer() != Payer.CUSTOMER || event.reversalOfId() == null) {
            return;
        }
        long original = event.reversalOfId();
        DeadlockRetry.write(() -> membership.tx(em -> {
            SpendEntity spent = em.find(SpendEntity.class, original);
            if (spent != null) {
                em.find(MemberEntity.class, spent.memberId, LockModeType.PESSIMISTIC_WRITE); // as in settled
            }
            if (spent != null && em.find(SpendEntity.class, event.settlementId()) == null) {
                SpendEntity back = new SpendEntity();
                back.settlementId = event.settlementId();
                back.memberId = spent.memberId;
                back.day = spent.day; // off the spend of the day it was spent, so the twelve months stay true
                back.amount = spent.amount.negate();
                em.persist(back);
                em.flush();
                membership.later(Tiers.evaluate(em, spent.memberId, membership.clock.today(), membership.tierRule,
                        membership.now()));
            }
            return null;
        }));
        once(() -> membership.tx(em -> {
            List<PointsEntryEntity> earned = em.createQuery("SELECT e FROM PointsEntryEntity e WHERE e.onceKey = :k",
                    PointsEntryEntity.class).setParameter("k", "EARN:" + original).getResultList();
            if (earned.isEmpty()) {
                return null;
            }
            PointsEntryEntity earn = earned.get(0);
            PointsBalanceEntity b = PointsBook.lock(em, earn.memberId);
            // the points go whether or not they were spent: the balance may fall below 0 until the member earns again
            PointsEntryEntity e = PointsBook.move(em, b, "TAKE_BACK", -earn.points, true, membership.now(),
                    event.by());
            e.settlementId = event.settlementId();
            e.reference = event.number();
            e.expiresOn = earn.expiresOn;
            e.onceKey = "TAKE_BACK:" + original;
            membership.later(l -> l.pointsMoved(JpaPoints.entry(e)));
            return null;
        }));
    }

    private static void once(java.util.function.Supplier<Object> write) {
        try {
            DeadlockRetry.write(write);
        } catch (PersistenceException e) {
            if (!JpaPoints.isOnceTaken(e)) {
                throw e;
            }
            LOG.debug("points of this bill were already written");
        }
    }

}
