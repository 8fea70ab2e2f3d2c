package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CreditAccount;

import static org.opendms.settlement.impl.Writes.*;

/** Credit accounts (挂账) of company customers: the limit, the terms, and charging a bill on account. */
final class CreditBook {

    private final JpaSettlements svc;

    CreditBook(JpaSettlements svc) {
        this.svc = svc;
    }

    public CreditAccount save(long customerId, BigDecimal creditLimit, int termsDays, Long expectedVersion,
            Actor actor) {
        svc.permissions.require(actor, "settlement.credit.edit");
        List<Violation> wrong = new ArrayList<>();
        if (creditLimit == null || creditLimit.signum() < 0 || creditLimit.stripTrailingZeros().scale() > 2
                || creditLimit.compareTo(MAX_AMOUNT) > 0) {
            wrong.add(new Violation("creditLimit", "invalid", "信用额度须为不小于 0 的金额，最多两位小数",
                    "a credit limit is an amount of at least 0 with at most 2 decimals"));
        }
        if (termsDays < 0 || termsDays > 365) {
            wrong.add(new Violation("termsDays", "invalid", "账期为 0 到 365 天", "terms are 0 to 365 days"));
        }
        Customer c = svc.customers.get(customerId);
        if (c.type() != CustomerType.COMPANY) {
            wrong.add(new Violation("customerId", "not_company", "只有单位客户可以挂账",
                    "only company customers have credit accounts"));
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        LocalDateTime at = Stored.utc(svc.now());
        return write(() -> svc.jpa.txExpr(em -> {
            CreditAccountEntity a = em.find(CreditAccountEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE);
            CreditAccount before = a == null ? null : Records.account(a);
            if (a == null) {
                if (expectedVersion != null) {
                    throw DmsException.notFound("customerId", "该客户没有挂账账户", "the customer has no credit account");
                }
                a = new CreditAccountEntity();
                a.customerId = customerId;
                a.balance = Billing.ZERO;
                a.active = true;
                a.version = 1;
                em.persist(a);
            } else {
                if (expectedVersion == null) {
                    throw DmsException.conflict("customerId", "credit.exists", "该客户已有挂账账户",
                            "the customer already has a credit account");
                }
                StaleVersion.check(a.version, expectedVersion, "挂账账户", "the credit account");
                a.version++;
            }
            a.customerName = c.name();
            a.creditLimit = creditLimit.setScale(2);
            a.termsDays = termsDays;
            a.updatedAt = at;
            a.updatedBy = actor.username();
            em.flush();
            CreditAccount after = Records.account(a);
            svc.audit.record(em, actor, "credit-account", customerId, before, after);
            return after;
        }), "挂账账户", "the credit account");
    }

    CreditAccount ofCustomer(long customerId) {
        return svc.jpa.txExpr(em -> {
            CreditAccountEntity a = em.find(CreditAccountEntity.class, customerId);
            if (a == null) {
                throw DmsException.notFound("customerId", "该客户没有挂账账户", "the customer has no credit account");
            }
            return Records.account(a);
        });
    }

    List<CreditAccount> all() {
        return svc.jpa.txExpr(em -> em.createQuery("SELECT a FROM CreditAccountEntity a ORDER BY a.customerId",
                CreditAccountEntity.class).getResultList().stream().map(Records::account).toList());
    }

    /** On account (挂账); over the limit only for the manager, whose name is kept on the tender. */
    /**
     * Over the limit only the manager; an account past due takes no new credit unless the manager gives the reason
     * (as the tender's reference). The manager's name is kept on the tender.
     */
    String charge(EntityManager em, SettlementEntity doc, BigDecimal amount, String field, boolean mayOverLimit,
            boolean mayOverdue, String reason, Actor actor, LocalDateTime at) {
        CreditAccountEntity a = em.find(CreditAccountEntity.class, doc.customerId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.active) {
            throw DmsException.conflict(field + ".method", "credit.no_account", "该客户没有挂账账户",
                    "the customer has no credit account");
        }
        String approvedBy = null;
        Ageing ageing = svc.statementBook.ageing(em, a);
        if (ageing.overdue()) {
            BigDecimal late = ageing.total().subtract(ageing.current());
            if (!mayOverdue || reason == null) {
                throw DmsException.conflict(field + ".method", "credit.overdue",
                        "挂账账户 " + a.customerName + " 已逾期，逾期欠款 " + late + " 元（账期 " + a.termsDays
                                + " 天），先回款；或由经理批准并在参考号中写明原因",
                        "the credit account of " + a.customerName + " is overdue: " + late + " is past its due date ("
                                + a.termsDays + " days' terms); take a receipt first, or the manager puts it on"
                                + " account with the reason as the tender's reference");
            }
            approvedBy = actor.username();
        }
        BigDecimal after = a.balance.add(amount);
        if (after.compareTo(a.creditLimit) > 0) {
            if (!mayOverLimit) {
                throw DmsException.conflict(field + ".amount", "credit.over_limit",
                        "挂账后欠款 " + after + " 元超出信用额度 " + a.creditLimit + " 元，需经理批准",
                        "on account the balance would be " + after + ", over the limit of " + a.creditLimit
                                + "; the manager must approve");
            }
            approvedBy = actor.username();
        }
        a.balance = after;
        a.version++;
        a.updatedAt = at;
        a.updatedBy = actor.username();
        return approvedBy;
    }
}
