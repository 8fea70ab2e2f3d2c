package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.settlement.api.Settlement;

/** What every settlement write shares: the transaction with its refusals, limits, cleaning and the trail's form. */
final class Writes {

    static final int REASON_MAX = 200;
    static final int REFERENCE_MAX = 64;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    private Writes() {
    }

    static List<SettlementEntity> bills(EntityManager em, long workOrderId, int round) {
        return em.createQuery("SELECT s FROM SettlementEntity s WHERE s.workOrderId = :wo AND s.round = :r"
                + " AND s.kind = 'B' ORDER BY s.id", SettlementEntity.class).setParameter("wo", workOrderId)
                .setParameter("r", round).getResultList();
    }

    static SettlementEntity find(EntityManager em, long id, boolean lock) {
        SettlementEntity e = lock ? em.find(SettlementEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SettlementEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "结算单 " + id + " 不存在", "no settlement document " + id);
        }
        return e;
    }

    static boolean amount(BigDecimal a) {
        return a != null && a.signum() > 0 && a.stripTrailingZeros().scale() <= 2 && a.compareTo(MAX_AMOUNT) <= 0;
    }

    /**
     * A write in one transaction, run again after a deadlock; a clash only the database saw (two cashiers creating
     * the same row) is CONFLICT, nothing written.
     */
    static <T> T write(java.util.function.Supplier<T> work, String whatZh, String whatEn) {
        try {
            return DeadlockRetry.write(work);
        } catch (DmsException e) {
            throw e;
        } catch (PersistenceException e) {
            if (DeadlockRetry.hasState(e, "23505") || DeadlockRetry.hasState(e, "23503")
                    || StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal(whatZh, whatEn);
            }
            throw e;
        } catch (RuntimeException e) {
            if (DeadlockRetry.hasState(e, "23505") || StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal(whatZh, whatEn);
            }
            throw e;
        }
    }

    /**
     * A document as the audit trail keeps it: without its lines, which are written once with the document and never
     * change (a 50-line bill would otherwise add some 550 entries to the trail).
     */
    static Settlement trail(Settlement s) {
        return new Settlement(s.id(), s.number(), s.workOrderId(), s.workOrderNumber(), s.round(), s.payer(),
                s.customerId(), s.payerName(), s.status(), List.of(), s.labour(), s.parts(), s.sublet(), s.fees(),
                s.handlingFee(), s.discount(), s.benefits(), s.discountApprovedBy(), s.net(), s.vatRate(), s.vat(),
                s.gross(),
                s.roundTo(), s.rounding(), s.payable(), s.paid(), s.onAccount(), s.tenders(), s.reversalOfId(),
                s.reversedById(), s.reason(), s.createdAt(), s.createdBy(), s.settledAt(), s.settledBy(),
                s.version());
    }

    static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
