package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.plugin.membership.api.Coupons;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 优惠券 at the cashier: the reference is the coupon's code; a coupon pays once, within its dates, on a bill that
 * reaches its threshold, at most its value (an AMOUNT) or its percent of the bill or of its operations' lines (a
 * PERCENT); its row locked, so two cashiers cannot both use it. A reversal or a failed payment makes it usable again.
 */
@Component(service = TenderProvider.class)
public class CouponTender implements TenderProvider {

    @Reference
    JpaCoupons coupons;

    @Override
    public String method() {
        return Coupons.COUPON;
    }

    @Override
    public String nameZh() {
        return "优惠券";
    }

    @Override
    public String nameEn() {
        return "Coupon";
    }

    /** What the coupon may take off the bill now. */
    static BigDecimal worth(CampaignEntity c, Settlement doc) {
        if (c.threshold != null && doc.payable().compareTo(c.threshold) < 0) {
            return BigDecimal.ZERO;
        }
        if ("AMOUNT".equals(c.kind)) {
            return c.value.min(doc.payable());
        }
        BigDecimal base = doc.payable();
        if (!c.operations.isEmpty()) {
            Set<String> ops = Set.of(c.operations.split(","));
            BigDecimal net = doc.lines().stream().filter(l -> l.kind() == LineKind.LABOUR && l.code() != null
                    && ops.contains(l.code().strip().toUpperCase(Locale.ROOT))).map(SettlementLine::net)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            base = net.multiply(BigDecimal.ONE.add(doc.vatRate()));
        }
        return base.multiply(c.value).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    }

    private List<Object[]> usable(EntityManager em, long customerId, LocalDate today) {
        return em.createQuery("SELECT p, c FROM CouponEntity p, CampaignEntity c, MemberEntity m WHERE"
                + " c.id = p.campaignId AND m.id = p.memberId AND m.customerId = :cu AND m.active = :a AND"
                + " p.usedSettlementId IS NULL AND c.validFrom <= :d AND c.validTo >= :d", Object[].class)
                .setParameter("cu", customerId).setParameter("a", true).setParameter("d", today).getResultList();
    }

    @Override
    public Optional<BigDecimal> available(TenderContext context) {
        if (context.payer() != Payer.CUSTOMER) {
            return Optional.empty();
        }
        Settlement doc = coupons.settlements.get(context.settlementId());
        LocalDate today = coupons.membership.clock.today();
        return coupons.membership.jpa.txExpr(em -> usable(em, context.customerId(), today).stream()
                .map(r -> worth((CampaignEntity) r[1], doc)).filter(w -> w.signum() > 0)
                .max(BigDecimal::compareTo));
    }

    @Override
    public String take(TenderContext context, BigDecimal amount, String reference) {
        if (context.payer() != Payer.CUSTOMER) {
            throw DmsException.invalid("reference", "coupon.not_customer", "只有客户付费的结算单可用优惠券",
                    "a coupon pays only documents the customer pays");
        }
        if (reference == null || reference.isBlank()) {
            throw DmsException.invalid("reference", "coupon.required", "请填写券码", "the coupon code is required");
        }
        String code = reference.strip().toUpperCase(Locale.ROOT);
        Settlement doc = coupons.settlements.get(context.settlementId());
        LocalDate today = coupons.membership.clock.today();
        long id = DeadlockRetry.write(() -> coupons.membership.tx(em -> {
            List<CouponEntity> found = em.createQuery("SELECT p FROM CouponEntity p WHERE p.code = :c",
                    CouponEntity.class).setParameter("c", code).getResultList();
            CouponEntity p = found.isEmpty() ? null
                    : em.find(CouponEntity.class, found.get(0).id, LockModeType.PESSIMISTIC_WRITE);
            MemberEntity m = p == null ? null : em.find(MemberEntity.class, p.memberId);
            if (p == null || m == null || m.customerId != context.customerId()) {
                throw DmsException.invalid("reference", "coupon.unknown", "券码 " + code + " 不是本单客户的",
                        "no coupon " + code + " of this document's customer");
            }
            if (p.usedSettlementId != null) {
                throw DmsException.invalid("reference", "coupon.used", "优惠券 " + code + " 已使用",
                        "coupon " + code + " was used");
            }
            CampaignEntity c = em.find(CampaignEntity.class, p.campaignId);
            if (today.isBefore(c.validFrom) || today.isAfter(c.validTo)) {
                throw DmsException.invalid("reference", "coupon.out_of_dates", "优惠券有效期 " + c.validFrom + " 至 "
                        + c.validTo, "the coupon is valid " + c.validFrom + " to " + c.validTo);
            }
            BigDecimal worth = worth(c, doc);
            if (worth.signum() <= 0) {
                throw DmsException.invalid("reference", "coupon.not_applicable", c.threshold != null
                        && doc.payable().compareTo(c.threshold) < 0 ? "满 " + c.threshold + " 元可用" : "本单没有可用该券的项目",
                        "the bill does not qualify for this coupon");
            }
            if (amount.compareTo(worth) > 0) {
                throw DmsException.invalid("amount", "coupon.over_value", "该券本单最多抵 " + worth + " 元",
                        "this coupon takes at most " + worth + " off this bill");
            }
            p.usedSettlementId = context.settlementId();
            p.usedAmount = amount.setScale(2);
            p.usedAt = coupons.membership.now();
            p.version++;
            coupons.membership.later(l -> l.couponUsed(JpaCoupons.coupon(p, c)));
            return p.id;
        }));
        return "CP" + id;
    }

    @Override
    public void cancel(TenderContext context, String takenReference) {
        release(context, takenReference);
    }

    @Override
    public void refund(TenderContext context, BigDecimal amount, String takenReference) {
        release(context, takenReference);
    }

    /** Makes the coupon usable again if this document used it; a second call does nothing. */
    private void release(TenderContext context, String takenReference) {
        if (takenReference == null || !takenReference.matches("CP[0-9]{1,18}")) {
            return;
        }
        long id = Long.parseLong(takenReference.substring(2));
        long original = context.settlementId();
        DeadlockRetry.write(() -> coupons.membership.tx(em -> {
            CouponEntity p = em.find(CouponEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            // only if this document still holds it (a refund's context names the document reversed)
            if (p != null && p.usedSettlementId != null && p.usedSettlementId == original) {
                p.usedSettlementId = null;
                p.usedAmount = null;
                p.usedAt = null;
                p.version++;
                CampaignEntity c = em.find(CampaignEntity.class, p.campaignId);
                coupons.membership.later(l -> l.couponUsed(JpaCoupons.coupon(p, c)));
            }
            return original;
        }));
    }
}
