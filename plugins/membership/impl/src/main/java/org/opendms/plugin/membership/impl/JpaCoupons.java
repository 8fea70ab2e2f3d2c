package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.PersistenceException;

import org.opendms.customer.api.Customer;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.plugin.membership.api.Campaign;
import org.opendms.plugin.membership.api.CampaignDraft;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.Coupon;
import org.opendms.plugin.membership.api.Coupons;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Settlements;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Campaigns and their coupons on the plugin's tables. */
@Component(service = { Coupons.class, JpaCoupons.class })
public class JpaCoupons implements Coupons {

    /** Members read per transaction while a campaign is issued. */
    static final int ISSUE_PAGE = 500;

    @Reference
    JpaMembership membership;

    @Reference
    Settlements settlements;

    @Override
    public Campaign create(CampaignDraft d, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        Violations v = new Violations();
        if (d == null) {
            v.add("code", "required", "请填写活动", "a campaign is required");
            v.throwIfAny();
        }
        String code = Checks.codeAndName(v, d.code(), d.name());
        String kind = d.kind() == null ? null : d.kind().strip().toUpperCase(Locale.ROOT);
        if (!"AMOUNT".equals(kind) && !"PERCENT".equals(kind)) {
            v.add("kind", "invalid", "优惠方式应为 AMOUNT（减金额）或 PERCENT（打折）", "kind is AMOUNT or PERCENT");
        } else if (d.value() == null || d.value().signum() <= 0 || d.value().stripTrailingZeros().scale() > 2
                || d.value()
                        .compareTo("PERCENT".equals(kind) ? BigDecimal.valueOf(100) : BigDecimal.valueOf(10_000)) > 0) {
            v.add("value", "out_of_range", "PERCENT".equals(kind) ? "折扣应为 0.01–100%" : "减免金额应为 0.01–10000 元",
                    "PERCENT".equals(kind) ? "value is 0.01 to 100 %" : "value is 0.01 to 10,000 yuan");
        }
        if (d.threshold() != null) {
            Checks.amount(v, "threshold", d.threshold(), true);
        }
        if (d.validFrom() == null) {
            v.add("validFrom", "required", "请填写开始日期", "validFrom is required");
        }
        if (d.validTo() == null || (d.validFrom() != null && d.validTo().isBefore(d.validFrom()))) {
            v.add("validTo", "out_of_range", "结束日期不能早于开始日期", "validTo is on or after validFrom");
        }
        List<String> ops = new ArrayList<>();
        if (d.operations() != null) {
            for (int i = 0; i < d.operations().size() && i < 21; i++) {
                String op = d.operations().get(i);
                if (op == null || op.isBlank() || op.length() > 40 || op.contains(",") || i == 20) {
                    v.add("operations[" + i + "]", "invalid", "工时项目编码无效（最多 20 个）",
                            "not a labour operation code (20 at most)");
                } else {
                    ops.add(op.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (d.tag() != null) {
            v.maxLength("tag", d.tag(), 40);
        }
        if (d.tier() != null) {
            v.maxLength("tier", d.tier(), 20);
        }
        v.throwIfAny();
        try {
            return DeadlockRetry.write(() -> membership.jpa.txExpr(em -> {
                if (!em.createQuery("SELECT c.id FROM CampaignEntity c WHERE c.code = :c", Long.class)
                        .setParameter("c", code).getResultList().isEmpty()) {
                    throw codeTaken(code);
                }
                CampaignEntity c = new CampaignEntity();
                c.code = code;
                c.name = d.name().strip();
                c.kind = kind;
                c.value = d.value().setScale(2);
                c.threshold = d.threshold() == null ? null : d.threshold().setScale(2);
                c.validFrom = d.validFrom();
                c.validTo = d.validTo();
                c.operations = String.join(",", new LinkedHashSet<>(ops));
                c.tier = d.tier() == null || d.tier().isBlank() ? null : d.tier().strip().toUpperCase(Locale.ROOT);
                c.tag = d.tag() == null || d.tag().isBlank() ? null : d.tag().strip();
                c.createdAt = membership.now();
                c.createdBy = actor.username();
                em.persist(c);
                em.flush();
                Campaign after = campaign(c);
                membership.audit.record(em, actor, "member.campaign", c.id, null, after);
                return after;
            }));
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_mem_campaign_code")) {
                throw codeTaken(code);
            }
            throw e;
        }
    }

    private static DmsException codeTaken(String code) {
        return DmsException.conflict("code", "campaign.exists", "活动编码 " + code + " 已存在",
                "a campaign " + code + " exists");
    }

    static Campaign campaign(CampaignEntity c) {
        return new Campaign(c.id, c.code, c.name, c.kind, c.value, c.threshold, c.validFrom, c.validTo,
                c.operations.isEmpty() ? List.of() : Arrays.asList(c.operations.split(",")), c.tier, c.tag,
                Stored.instant(c.createdAt), c.createdBy);
    }

    @Override
    public List<Campaign> campaigns(Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return membership.jpa.txExpr(em -> em.createQuery("SELECT c FROM CampaignEntity c ORDER BY c.id DESC",
                CampaignEntity.class).getResultList().stream().map(JpaCoupons::campaign).toList());
    }

    @Override
    public int issue(long campaignId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        CampaignEntity c = membership.jpa.txExpr(em -> {
            CampaignEntity found = em.find(CampaignEntity.class, campaignId);
            if (found == null) {
                throw DmsException.notFound("campaignId", "活动 " + campaignId + " 不存在",
                        "campaign " + campaignId + " does not exist");
            }
            return found;
        });
        if (c.validTo.isBefore(membership.clock.today())) {
            throw DmsException.conflict("campaignId", "campaign.over", "活动已于 " + c.validTo + " 结束",
                    "the campaign ended on " + c.validTo);
        }
        int issued = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<MemberEntity> page = membership.jpa.txExpr(em -> em.createQuery("SELECT m FROM MemberEntity m WHERE"
                    + " m.id > :a AND m.active = :t ORDER BY m.id", MemberEntity.class).setParameter("a", from)
                    .setParameter("t", true).setMaxResults(ISSUE_PAGE).getResultList());
            if (page.isEmpty()) {
                return issued;
            }
            after = page.get(page.size() - 1).id;
            List<MemberEntity> reached = page.stream().filter(m -> c.tier == null || c.tier.equals(m.tier))
                    .filter(m -> c.tag == null || tagged(m.customerId, c.tag)).toList();
            issued += DeadlockRetry.write(() -> membership.jpa.txExpr(em -> {
                java.util.Set<Long> has = new java.util.HashSet<>(em.createQuery("SELECT p.memberId FROM CouponEntity p"
                        + " WHERE p.campaignId = :c", Long.class).setParameter("c", campaignId).getResultList());
                int n = 0;
                for (MemberEntity m : reached) {
                    if (has.contains(m.id)) {
                        continue;
                    }
                    CouponEntity p = new CouponEntity();
                    p.code = "Q" + Pins.code() + String.format("%04d", m.id % 10_000);
                    p.campaignId = campaignId;
                    p.memberId = m.id;
                    p.issuedAt = membership.now();
                    em.persist(p);
                    n++;
                }
                return n;
            }));
        }
    }

    private boolean tagged(long customerId, String tag) {
        try {
            Customer customer = membership.customers.get(customerId);
            return customer.tags() != null && customer.tags().contains(tag);
        } catch (DmsException e) {
            return false;
        }
    }

    @Override
    public List<Coupon> ofMember(long memberId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return membership.jpa.txExpr(em -> {
            JpaMembership.member(em, memberId);
            Map<Long, CampaignEntity> campaigns = em.createQuery("SELECT c FROM CampaignEntity c",
                    CampaignEntity.class).getResultList().stream()
                    .collect(Collectors.toMap(c -> c.id, Function.identity()));
            return em.createQuery("SELECT p FROM CouponEntity p WHERE p.memberId = :m ORDER BY p.id DESC",
                    CouponEntity.class).setParameter("m", memberId).getResultList().stream()
                    .map(p -> coupon(p, campaigns.get(p.campaignId))).toList();
        });
    }

    static Coupon coupon(CouponEntity p, CampaignEntity c) {
        return new Coupon(p.id, p.code, c.id, c.name, p.memberId, c.kind, c.value, c.threshold, c.validFrom,
                c.validTo, p.usedSettlementId, p.usedAmount);
    }

    @Override
    public List<CampaignResult> results(Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.REPORT_READ);
        List<CampaignEntity> all = membership.jpa.txExpr(em -> em.createQuery("SELECT c FROM CampaignEntity c ORDER"
                + " BY c.id DESC", CampaignEntity.class).getResultList());
        List<CampaignResult> out = new ArrayList<>();
        for (CampaignEntity c : all) {
            List<Object[]> rows = membership.jpa.txExpr(em -> em.createQuery("SELECT p.usedSettlementId, p.usedAmount"
                    + " FROM CouponEntity p WHERE p.campaignId = :c", Object[].class).setParameter("c", c.id)
                    .getResultList());
            long used = 0;
            BigDecimal discount = BigDecimal.ZERO;
            BigDecimal revenue = BigDecimal.ZERO;
            for (Object[] r : rows) {
                if (r[0] == null) {
                    continue;
                }
                var doc = settlements.get((Long) r[0]);
                if (doc.status() != SettlementStatus.SETTLED) {
                    continue; // reversed since (its coupon went back) or not paid
                }
                used++;
                discount = discount.add((BigDecimal) r[1]);
                revenue = revenue.add(doc.payable());
            }
            out.add(new CampaignResult(c.id, c.code, c.name, rows.size(), used, discount.setScale(2),
                    revenue.setScale(2)));
        }
        return out;
    }
}
