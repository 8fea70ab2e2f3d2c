package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.plugin.membership.api.Points;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 积分抵扣 at the cashier: the customer's member points pay up to the tier's share of the bill, at its points per yuan;
 * in the plugin's own transaction, the balance row locked. A failed payment or a reversal puts them back (once).
 */
@Component(service = TenderProvider.class)
public class PointsTender implements TenderProvider {

    @Reference
    JpaMembership membership;

    @Override
    public String method() {
        return Points.POINTS;
    }

    @Override
    public String nameZh() {
        return "积分抵扣";
    }

    @Override
    public String nameEn() {
        return "Points";
    }

    private static Optional<MemberEntity> memberOf(EntityManager em, long customerId) {
        List<MemberEntity> found = em.createQuery("SELECT m FROM MemberEntity m WHERE m.customerId = :c AND"
                + " m.active = :a", MemberEntity.class).setParameter("c", customerId).setParameter("a", true)
                .getResultList();
        return found.stream().findFirst();
    }

    /** The most points may pay of this bill: the share the rules allow, and what the points are worth. */
    static BigDecimal most(BigDecimal payable, long points, PointsRuleEntity rules) {
        BigDecimal share = payable.multiply(rules.maxShare).setScale(2, RoundingMode.DOWN);
        BigDecimal worth = BigDecimal.valueOf(Math.max(0, points)).divide(BigDecimal.valueOf(rules.pointsPerYuan), 2,
                RoundingMode.DOWN);
        return share.min(worth);
    }

    @Override
    public Optional<BigDecimal> available(TenderContext context) {
        if (context.payer() != Payer.CUSTOMER) {
            return Optional.empty();
        }
        return membership.jpa.txExpr(em -> memberOf(em, context.customerId()).map(m -> {
            PointsBalanceEntity b = em.find(PointsBalanceEntity.class, m.id);
            return most(context.payable(), b == null ? 0 : b.points, PointsBook.rules(em, m.tier));
        }));
    }

    @Override
    public String take(TenderContext context, BigDecimal amount, String reference) {
        if (context.payer() != Payer.CUSTOMER) {
            throw DmsException.invalid("reference", "points.not_customer", "只有客户付费的结算单可用积分抵扣",
                    "points pay only documents the customer pays");
        }
        long entry = DeadlockRetry.write(() -> membership.tx(em -> {
            MemberEntity m = memberOf(em, context.customerId()).orElseThrow(() -> DmsException.invalid("reference",
                    "member.none", "本单客户不是会员", "this document's customer is not a member"));
            PointsRuleEntity rules = PointsBook.rules(em, m.tier);
            BigDecimal pts = amount.multiply(BigDecimal.valueOf(rules.pointsPerYuan));
            if (pts.stripTrailingZeros().scale() > 0) {
                throw DmsException.invalid("amount", "points.fraction", rules.pointsPerYuan + " 积分抵 1 元，金额须能整分抵扣",
                        rules.pointsPerYuan + " points pay a yuan: the amount must be whole points");
            }
            PointsBalanceEntity b = PointsBook.lock(em, m.id);
            BigDecimal most = most(context.payable(), b.points, rules);
            if (amount.compareTo(context.payable().multiply(rules.maxShare).setScale(2, RoundingMode.DOWN)) > 0) {
                throw DmsException.invalid("amount", "points.over_share", "积分最多抵扣本单的 "
                        + rules.maxShare.movePointRight(2).stripTrailingZeros().toPlainString() + "%（" + most + " 元）",
                        "points pay at most " + rules.maxShare + " of the bill (" + most + ")");
            }
            PointsEntryEntity e = PointsBook.move(em, b, "REDEEM", -pts.longValueExact(), false, membership.now(),
                    context.actor().username());
            e.settlementId = context.settlementId();
            e.reference = context.settlementNumber();
            em.flush();
            membership.later(l -> l.pointsMoved(JpaPoints.entry(e)));
            return e.id;
        }));
        return "PT" + entry;
    }

    @Override
    public void cancel(TenderContext context, String takenReference) {
        back(context, takenReference);
    }

    @Override
    public void refund(TenderContext context, BigDecimal amount, String takenReference) {
        back(context, takenReference);
    }

    /** The redemption's points back, once, whatever is asked again. */
    private void back(TenderContext context, String takenReference) {
        if (takenReference == null || !takenReference.matches("PT[0-9]{1,18}")) {
            return;
        }
        long id = Long.parseLong(takenReference.substring(2));
        try {
            DeadlockRetry.write(() -> membership.tx(em -> {
                PointsEntryEntity redeemed = em.find(PointsEntryEntity.class, id);
                if (redeemed == null || !"REDEEM".equals(redeemed.kind)) {
                    return null;
                }
                if (!em.createQuery("SELECT e.id FROM PointsEntryEntity e WHERE e.onceKey = :k", Long.class)
                        .setParameter("k", "REDEEM_BACK:" + id).getResultList().isEmpty()) {
                    return null;
                }
                PointsBalanceEntity b = PointsBook.lock(em, redeemed.memberId);
                PointsEntryEntity e = PointsBook.move(em, b, "REDEEM_BACK", -redeemed.points, false, membership.now(),
                        context.actor().username());
                e.settlementId = context.settlementId();
                e.reference = context.settlementNumber();
                e.onceKey = "REDEEM_BACK:" + id;
                membership.later(l -> l.pointsMoved(JpaPoints.entry(e)));
                return null;
            }));
        } catch (PersistenceException e) {
            if (!JpaPoints.isOnceTaken(e)) {
                throw e;
            }
        }
    }
}
