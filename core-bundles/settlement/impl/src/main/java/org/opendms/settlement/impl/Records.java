package org.opendms.settlement.impl;

import java.util.List;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
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
        return of(e, lines, tenders(em, e.id));
    }

    /** The document without its lines, as the audit trail compares it (see JpaSettlements#trail). */
    static Settlement header(EntityManager em, SettlementEntity e) {
        return of(e, List.of(), tenders(em, e.id));
    }

    static List<TenderEntity> tenderRows(EntityManager em, long settlementId) {
        return em.createQuery("SELECT t FROM TenderEntity t WHERE t.settlementId = :id ORDER BY t.seq",
                TenderEntity.class).setParameter("id", settlementId).getResultList();
    }

    static List<Tender> tenders(EntityManager em, long settlementId) {
        return tenderRows(em, settlementId).stream()
                .map(t -> new Tender(t.id, t.method, t.amount, t.tendered, t.change, t.reference)).toList();
    }

    static Settlement of(SettlementEntity e, List<SettlementLine> lines, List<Tender> tenders) {
        return new Settlement(e.id, e.number, e.workOrderId, e.workOrderNumber, e.round, Payer.valueOf(e.payer),
                e.customerId, e.payerName, SettlementStatus.valueOf(e.status), lines, e.labour, e.parts, e.sublet,
                e.fees, e.handlingFee, e.discount, e.discountApprovedBy, e.net, e.vatRate, e.vat, e.gross,
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
