package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.CountCards;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 次卡 at the cashier: the reference is the card number; a use pays one matching job of the document and counts the
 * card down, in the plugin's own transaction, the card's row locked so two cashiers cannot both take its last use. A
 * payment that fails afterwards, or a reversal, puts the use back (once).
 */
@Component(service = TenderProvider.class)
public class CountCardTender implements TenderProvider {

    @Reference
    JpaCountCards cards;

    @Reference
    Settlements settlements;

    @Reference
    WorkOrders workOrders;

    @Override
    public String method() {
        return CountCards.COUNT_CARD;
    }

    @Override
    public String nameZh() {
        return "次卡/套餐";
    }

    @Override
    public String nameEn() {
        return "Count card";
    }

    /** The most one use of one of the customer's usable cards would pay of this document. */
    @Override
    public Optional<BigDecimal> available(TenderContext context) {
        if (context.payer() != Payer.CUSTOMER) {
            return Optional.empty();
        }
        Settlement doc = settlements.get(context.settlementId());
        long vehicle = workOrders.get(context.workOrderId()).vehicleId();
        LocalDate today = cards.membership.clock.today();
        return cards.jpa().txExpr(em -> {
            Set<Long> paid = jobsPaid(em, context.settlementId());
            return usable(em, context.customerId()).stream()
                    .filter(c -> !c.expiresOn.isBefore(today) && (c.vehicleId == null || c.vehicleId == vehicle))
                    .flatMap(c -> CardCover.jobs(doc, CardCover.operations(c.operations), c.includesParts, paid)
                            .stream())
                    .map(CardCover.Job::value).max(BigDecimal::compareTo);
        });
    }

    private static List<CountCardEntity> usable(EntityManager em, long customerId) {
        return em.createQuery("SELECT c FROM CountCardEntity c, MemberEntity m WHERE m.id = c.memberId AND"
                + " m.customerId = :c AND m.active = :a AND c.usesLeft > 0", CountCardEntity.class)
                .setParameter("c", customerId).setParameter("a", true).getResultList();
    }

    /** The jobs of the document a card use already pays (uses not put back). */
    private static Set<Long> jobsPaid(EntityManager em, long settlementId) {
        return new HashSet<>(em.createQuery("SELECT u.jobId FROM CardUseEntity u WHERE u.settlementId = :s AND"
                + " u.useId IS NULL AND NOT EXISTS (SELECT b.id FROM CardUseEntity b WHERE b.useId = u.id)",
                Long.class).setParameter("s", settlementId).getResultList());
    }

    @Override
    public String take(TenderContext context, BigDecimal amount, String reference) {
        if (context.payer() != Payer.CUSTOMER) {
            throw DmsException.invalid("reference", "count_card.not_customer", "只有客户付费的结算单可用次卡",
                    "a count card pays only documents the customer pays");
        }
        if (reference == null || reference.isBlank()) {
            throw DmsException.invalid("reference", "card.required", "请填写次卡卡号", "the card number is required");
        }
        String number = reference.strip().toUpperCase(Locale.ROOT);
        Settlement doc = settlements.get(context.settlementId());
        long vehicle = workOrders.get(context.workOrderId()).vehicleId();
        LocalDate today = cards.membership.clock.today();
        long useId = DeadlockRetry.write(() -> cards.membership.tx(em -> {
            List<CountCardEntity> found = em.createQuery("SELECT c FROM CountCardEntity c WHERE c.cardNumber = :n",
                    CountCardEntity.class).setParameter("n", number).getResultList();
            CountCardEntity c = found.isEmpty() ? null
                    : em.find(CountCardEntity.class, found.get(0).id, LockModeType.PESSIMISTIC_WRITE);
            MemberEntity m = c == null ? null : em.find(MemberEntity.class, c.memberId);
            if (c == null || m == null || m.customerId != context.customerId()) {
                throw DmsException.invalid("reference", "card.unknown", "次卡 " + number + " 不是本单客户的",
                        "no count card " + number + " of this document's customer");
            }
            if (c.vehicleId != null && c.vehicleId != vehicle) {
                throw DmsException.invalid("reference", "card.other_vehicle", "次卡 " + number + " 绑定的是另一辆车",
                        "count card " + number + " is for another car");
            }
            if (c.expiresOn.isBefore(today)) {
                throw DmsException.invalid("reference", "card.expired", "次卡 " + number + " 已于 " + c.expiresOn + " 过期",
                        "count card " + number + " expired on " + c.expiresOn);
            }
            if (c.usesLeft <= 0) {
                throw DmsException.invalid("reference", "card.used_up", "次卡 " + number + " 已用完",
                        "count card " + number + " is used up");
            }
            List<CardCover.Job> jobs = CardCover.jobs(doc, CardCover.operations(c.operations), c.includesParts,
                    jobsPaid(em, context.settlementId()));
            if (jobs.isEmpty()) {
                throw DmsException.invalid("reference", "card.no_matching_job", "本单没有次卡 " + number + " 包含的项目（"
                        + c.productName + "）", "the document has no job count card " + number + " pays for");
            }
            CardCover.Job job = CardCover.pick(jobs, amount).orElseThrow(() -> DmsException.invalid("amount",
                    "card.over_value", "次卡一次最多抵 " + jobs.get(0).value() + " 元（" + c.productName + "）",
                    "one use pays at most " + jobs.get(0).value()));
            CountCard before = JpaCountCards.card(c);
            c.usesLeft--;
            c.version++;
            CardUseEntity u = new CardUseEntity();
            u.cardId = c.id;
            u.settlementId = context.settlementId();
            u.settlementNumber = context.settlementNumber();
            u.jobId = job.jobId();
            u.value = amount.setScale(2);
            u.at = cards.membership.now();
            u.by = context.actor().username();
            em.persist(u);
            em.flush();
            cards.membership.later(l -> l.cardUsed(JpaCountCards.use(u)));
            cards.membership.audit.record(em, context.actor(), "member.count-card", c.id, before,
                    JpaCountCards.card(c));
            return u.id;
        }));
        return "CU" + useId;
    }

    @Override
    public void cancel(TenderContext context, String takenReference) {
        Long use = useId(takenReference);
        if (use != null) {
            putBack(context, use, true);
        }
    }

    @Override
    public void refund(TenderContext context, BigDecimal amount, String takenReference) {
        Long use = useId(takenReference);
        if (use == null) {
            throw DmsException.invalid("reference", "use.unknown", "找不到次卡使用记录 " + takenReference,
                    "no count card use " + takenReference);
        }
        putBack(context, use, false);
    }

    private static Long useId(String takenReference) {
        return takenReference == null || !takenReference.matches("CU[0-9]{1,18}") ? null
                : Long.valueOf(takenReference.substring(2));
    }

    /** Gives the use back to its card, once: a second cancel or refund of the same use does nothing. */
    private void putBack(TenderContext context, long useId, boolean cancel) {
        try {
            DeadlockRetry.write(() -> cards.membership.tx(em -> {
                CardUseEntity used = em.find(CardUseEntity.class, useId);
                if (used == null || used.useId != null) {
                    if (cancel) {
                        return null;
                    }
                    throw DmsException.invalid("reference", "use.unknown", "找不到次卡使用记录 CU" + useId,
                            "no count card use CU" + useId);
                }
                if (!em.createQuery("SELECT b.id FROM CardUseEntity b WHERE b.useId = :u", Long.class)
                        .setParameter("u", useId).getResultList().isEmpty()) {
                    return null; // already back
                }
                CountCardEntity c = em.find(CountCardEntity.class, used.cardId, LockModeType.PESSIMISTIC_WRITE);
                CountCard before = JpaCountCards.card(c);
                c.usesLeft++;
                c.version++;
                CardUseEntity back = new CardUseEntity();
                back.cardId = c.id;
                back.settlementId = context.settlementId();
                back.settlementNumber = context.settlementNumber();
                back.jobId = used.jobId;
                back.value = used.value.negate();
                back.useId = useId;
                back.at = cards.membership.now();
                back.by = context.actor().username();
                em.persist(back);
                em.flush();
                cards.membership.later(l -> l.cardUsed(JpaCountCards.use(back)));
                cards.membership.audit.record(em, context.actor(), "member.count-card", c.id, before,
                        JpaCountCards.card(c));
                return null;
            }));
        } catch (PersistenceException e) {
            if (!Failures.isUniqueViolation(e, "uq_mem_card_use_back")) {
                throw e; // else another thread put it back at the same moment
            }
        }
    }
}
