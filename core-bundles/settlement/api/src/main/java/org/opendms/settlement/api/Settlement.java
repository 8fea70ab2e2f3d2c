package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A settlement document (结算单): what one payer owes for one work order, or a reversal (红冲) of such a document.
 * <p>
 * The amounts: {@code labour + parts + sublet + fees + handlingFee} is the gross of the lines before the whole-bill
 * discount; {@code net} = that − {@code discount} = the sum of the lines' nets; {@code vat} = net × {@code vatRate},
 * HALF_UP to the fen; {@code gross} = net + vat; {@code rounding} (抹零, ≤ 0) cuts the gross to the jiao or yuan;
 * {@code payable} = gross + rounding. A reversal has every amount negated.
 *
 * @param number             e.g. JS20261202-0001: the shop-local day and a counter per day
 * @param round              1 for a work order's first settlement, 2 after it was reversed and settled again, …
 * @param customerId         the work order's customer (an insurer's or manufacturer's document names theirs in
 *                           {@code payerName})
 * @param payerName          for INSURER and MANUFACTURER, as the cashier entered it; null otherwise
 * @param discount           every discount of the document: the {@code benefits} and the cashier's whole-bill discount
 * @param benefits           what plugins gave (a member tier's discount), part of {@code discount} (since 1.4)
 * @param discountApprovedBy the manager who approved a discount over the limit; null if none was needed
 * @param paid               the sum of the tenders
 * @param onAccount          the part of {@code paid} put on the customer's credit account (挂账)
 * @param reversalOfId       on a reversal document: the document it reverses; else null
 * @param reversedById       on a reversed document: its reversal document; else null
 * @param reason             on a reversal document: why (the manager's words); else null
 */
public record Settlement(long id, String number, long workOrderId, String workOrderNumber, int round, Payer payer,
        long customerId, String payerName, SettlementStatus status, List<SettlementLine> lines, BigDecimal labour,
        BigDecimal parts, BigDecimal sublet, BigDecimal fees, BigDecimal handlingFee, BigDecimal discount,
        List<Benefit> benefits, String discountApprovedBy, BigDecimal net, BigDecimal vatRate, BigDecimal vat,
        BigDecimal gross,
        Rounding roundTo, BigDecimal rounding, BigDecimal payable, BigDecimal paid, BigDecimal onAccount,
        List<Tender> tenders, Long reversalOfId, Long reversedById, String reason, Instant createdAt, String createdBy,
        Instant settledAt, String settledBy, long version) {

    public Settlement {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }

    /** A document without benefits, as before 1.4. */
    public Settlement(long id, String number, long workOrderId, String workOrderNumber, int round, Payer payer,
            long customerId, String payerName, SettlementStatus status, List<SettlementLine> lines, BigDecimal labour,
            BigDecimal parts, BigDecimal sublet, BigDecimal fees, BigDecimal handlingFee, BigDecimal discount,
            String discountApprovedBy, BigDecimal net, BigDecimal vatRate, BigDecimal vat, BigDecimal gross,
            Rounding roundTo, BigDecimal rounding, BigDecimal payable, BigDecimal paid, BigDecimal onAccount,
            List<Tender> tenders, Long reversalOfId, Long reversedById, String reason, Instant createdAt,
            String createdBy, Instant settledAt, String settledBy, long version) {
        this(id, number, workOrderId, workOrderNumber, round, payer, customerId, payerName, status, lines, labour,
                parts,
                sublet, fees, handlingFee, discount, List.of(), discountApprovedBy, net, vatRate, vat, gross, roundTo,
                rounding, payable, paid, onAccount, tenders, reversalOfId, reversedById, reason, createdAt, createdBy,
                settledAt, settledBy, version);
    }

    /** What is still to pay. */
    public BigDecimal outstanding() {
        return payable.subtract(paid);
    }

    /** True for a reversal document (红冲单). */
    public boolean isReversal() {
        return reversalOfId != null;
    }
}
