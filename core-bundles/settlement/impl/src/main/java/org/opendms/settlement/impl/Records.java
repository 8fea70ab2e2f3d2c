package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.CreditAccount;
import org.opendms.settlement.api.Deposit;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Tender;

/** Rows to the API's records. */
final class Records {

    private Records() {
    }

    static Settlement load(EntityManager em, SettlementEntity e) {
        List<SettlementLine> lines = em
                .createQuery("SELECT l FROM LineEntity l WHERE l.settlementId = :id ORDER BY l.seq", LineEntity.class)
                .setParameter("id", e.id).getResultList().stream()
                .map(l -> new SettlementLine(l.id, l.workOrderLineId, l.jobId, LineKind.valueOf(l.kind), l.code,
                        l.description, l.quantity, l.unitPrice, l.listNet, l.discount, l.net))
                .toList();
        return of(e, lines, tenders(em, e.id), benefits(em, e.id));
    }

    /** The benefits of a document, as written (negated on a reversal). */
    static List<Benefit> benefits(EntityManager em, long settlementId) {
        Map<Integer, List<BenefitEntity>> bySeq = new TreeMap<>();
        em.createQuery("SELECT b FROM BenefitEntity b WHERE b.settlementId = :id ORDER BY b.seq, b.id",
                BenefitEntity.class).setParameter("id", settlementId).getResultList()
                .forEach(b -> bySeq.computeIfAbsent(b.seq, k -> new ArrayList<>()).add(b));
        List<Benefit> out = new ArrayList<>();
        for (List<BenefitEntity> rows : bySeq.values()) {
            Map<Long, BigDecimal> lines = new LinkedHashMap<>();
            rows.forEach(b -> lines.put(b.workOrderLineId, b.amount));
            out.add(Benefit.of(rows.get(0).nameZh, rows.get(0).nameEn, lines));
        }
        return out;
    }

    /** Writes a document's benefits, negated for a reversal. */
    static void writeBenefits(EntityManager em, long settlementId, List<Benefit> benefits, boolean negate) {
        int seq = 0;
        for (Benefit b : benefits) {
            seq++;
            for (Map.Entry<Long, BigDecimal> l : b.lines().entrySet()) {
                BenefitEntity row = new BenefitEntity();
                row.settlementId = settlementId;
                row.seq = seq;
                row.nameZh = b.nameZh();
                row.nameEn = b.nameEn();
                row.workOrderLineId = l.getKey();
                row.amount = negate ? l.getValue().negate() : l.getValue();
                em.persist(row);
            }
        }
    }

    /** The document without its lines, as the audit trail compares it (see JpaSettlements#trail). */
    static Settlement header(EntityManager em, SettlementEntity e) {
        return of(e, List.of(), tenders(em, e.id), benefits(em, e.id));
    }

    static List<TenderEntity> tenderRows(EntityManager em, long settlementId) {
        return em.createQuery("SELECT t FROM TenderEntity t WHERE t.settlementId = :id ORDER BY t.seq",
                TenderEntity.class).setParameter("id", settlementId).getResultList();
    }

    static List<Tender> tenders(EntityManager em, long settlementId) {
        return tenderRows(em, settlementId).stream()
                .map(t -> new Tender(t.id, t.method, t.amount, t.tendered, t.change, t.reference)).toList();
    }

    static Settlement of(SettlementEntity e, List<SettlementLine> lines, List<Tender> tenders,
            List<Benefit> benefits) {
        return new Settlement(e.id, e.number, e.workOrderId, e.workOrderNumber, e.round, Payer.valueOf(e.payer),
                e.customerId, e.payerName, SettlementStatus.valueOf(e.status), lines, e.labour, e.parts, e.sublet,
                e.fees, e.handlingFee, e.discount, benefits, e.discountApprovedBy, e.net, e.vatRate, e.vat, e.gross,
                Rounding.valueOf(e.roundTo), e.rounding, e.payable, e.paid, e.onAccount, tenders, e.reversalOfId,
                e.reversedById, e.reason, Stored.instant(e.createdAt), e.createdBy, Stored.instant(e.settledAt),
                e.settledBy, e.version);
    }

    static Deposit deposit(DepositEntity d) {
        return new Deposit(d.id, d.workOrderId, d.customerId, d.amount, d.used, d.method, d.reference,
                Stored.instant(d.takenAt), d.takenBy);
    }

    static CreditAccount account(CreditAccountEntity a) {
        return new CreditAccount(a.customerId, a.customerName, a.creditLimit, a.termsDays, a.balance, a.active,
                Stored.instant(a.updatedAt), a.updatedBy, a.version);
    }
}
