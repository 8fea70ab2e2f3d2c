package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.plugin.membership.api.MemberTiers;
import org.opendms.plugin.membership.api.TierBenefit;
import org.opendms.plugin.membership.api.TierPurchase;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tiers' benefits (mem_tier_benefit) and tiers bought (mem_tier_purchase). */
@Component(service = { MemberTiers.class, JpaMemberTiers.class })
public class JpaMemberTiers implements MemberTiers {

    static final BigDecimal MOST_OFF = new BigDecimal("50");

    @Reference
    JpaMembership membership;

    @Override
    public List<TierBenefit> benefits(Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        List<String> tiers = tiers();
        return membership.jpa.txExpr(em -> {
            List<TierBenefit> out = new ArrayList<>();
            for (String tier : tiers) {
                out.add(benefit(tier, em.find(TierBenefitEntity.class, tier)));
            }
            return out;
        });
    }

    /** STANDARD, then the tiers of the shop's rule by threshold. */
    List<String> tiers() {
        List<String> tiers = new ArrayList<>(List.of(Tiers.STANDARD));
        tiers.addAll(membership.tierRule.values());
        return tiers;
    }

    /** The tier's benefit (none set: 0 % off), with its price and months when the shop sells it. */
    TierBenefit benefit(String tier, TierBenefitEntity row) {
        Tiers.Offer offer = membership.tierOffers.get(tier);
        BigDecimal price = offer == null ? null : offer.price();
        Integer months = offer == null ? null : offer.months();
        return row == null
                ? new TierBenefit(tier, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), price, months, 0)
                : new TierBenefit(tier, row.labourOff, row.partsOff, price, months, row.version);
    }

    @Override
    public TierBenefit setBenefit(TierBenefit benefit, long expectedVersion, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        Violations v = new Violations();
        if (benefit == null) {
            v.add("tier", "required", "请填写等级权益", "the benefit is required");
            v.throwIfAny();
        }
        percent(v, "labourOff", benefit.labourOff());
        percent(v, "partsOff", benefit.partsOff());
        v.throwIfAny();
        String tier = benefit.tier() == null ? "" : benefit.tier().strip().toUpperCase(Locale.ROOT);
        if (!tiers().contains(tier)) {
            throw DmsException.notFound("tier", "没有会员等级 " + tier, "no member tier " + tier);
        }
        return DeadlockRetry.write(() -> membership.jpa.txExpr(em -> {
            TierBenefitEntity row = em.find(TierBenefitEntity.class, tier);
            TierBenefit before = benefit(tier, row);
            StaleVersion.check(before.version(), expectedVersion, "等级权益 " + tier, "the benefits of " + tier);
            if (row == null) {
                row = new TierBenefitEntity();
                row.tier = tier;
                em.persist(row);
            }
            row.labourOff = benefit.labourOff().setScale(2);
            row.partsOff = benefit.partsOff().setScale(2);
            row.version = before.version() + 1;
            em.flush();
            TierBenefit after = benefit(tier, row);
            membership.audit.record(em, actor, "member.tier-benefit", tier, before, after);
            return after;
        }));
    }

    private static void percent(Violations v, String field, BigDecimal p) {
        if (p == null || p.signum() < 0 || p.compareTo(MOST_OFF) > 0 || p.stripTrailingZeros().scale() > 2) {
            v.add(field, "out_of_range", "优惠百分比应为 0–50，最多两位小数", field + " is a percent from 0 to 50");
        }
    }

    @Override
    public TierPurchase buy(long memberId, String tier, String paidWith, String reference, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.CARD_SELL);
        Violations v = new Violations();
        Map<String, Tiers.Offer> offers = membership.tierOffers;
        Tiers.Offer offer = tier == null ? null : offers.get(tier.strip().toUpperCase(Locale.ROOT));
        if (offer == null) {
            v.add("tier", "tier.not_for_sale", "可购买的会员等级：" + (offers.isEmpty() ? "无" : offers.keySet()),
                    "tiers for sale: " + (offers.isEmpty() ? "none" : offers.keySet()));
        }
        String method = Checks.paidWith(v, paidWith, reference);
        v.throwIfAny();
        membership.requireDeskOpen(actor);
        LocalDate today = membership.clock.today();
        return DeadlockRetry.write(() -> membership.tx(em -> {
            JpaMembership.requireActive(em, memberId);
            TierPurchaseEntity p = new TierPurchaseEntity();
            p.memberId = memberId;
            p.tier = offer.tier();
            p.price = offer.price();
            p.paidWith = method;
            p.reference = reference == null || reference.isBlank() ? null : reference.strip();
            p.validFrom = today;
            p.validTo = today.plusMonths(offer.months()).minusDays(1);
            p.soldAt = membership.now();
            p.soldBy = actor.username();
            em.persist(p);
            em.flush();
            membership.later(Tiers.evaluate(em, memberId, today, membership.tierRule, membership.now()));
            TierPurchase sold = purchase(p);
            membership.audit.record(em, actor, "member.tier-purchase", p.id, null, sold);
            return sold;
        }));
    }

    @Override
    public List<TierPurchase> purchases(long memberId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return membership.jpa.txExpr(em -> {
            JpaMembership.member(em, memberId);
            return em.createQuery("SELECT p FROM TierPurchaseEntity p WHERE p.memberId = :m ORDER BY p.id DESC",
                    TierPurchaseEntity.class).setParameter("m", memberId).getResultList().stream()
                    .map(JpaMemberTiers::purchase).toList();
        });
    }

    static TierPurchase purchase(TierPurchaseEntity p) {
        return new TierPurchase(p.id, p.memberId, p.tier, p.price, p.paidWith, p.reference, p.validFrom, p.validTo,
                Stored.instant(p.soldAt), p.soldBy);
    }
}
