package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.WorkOrder;

/**
 * What a settled document contributes to revenue: its lines' nets (after the whole-bill discount) by kind, on the day
 * it was settled, with the issue cost of the parts it bills. A reversal (红冲) counts negative on its own day, so a
 * period's revenue is what was settled in it less what was reversed in it.
 */
record DocumentFact(long settlementId, String number, long workOrderId, long customerId, String payer,
        String visitTypes, LocalDate settledDay, boolean reversal, BigDecimal labour, BigDecimal parts,
        BigDecimal other, BigDecimal net, BigDecimal partsCost) {

    /** @param wo the document's work order, for its visit types and the parts' issue cost; null when unknown */
    static DocumentFact of(Settlement s, WorkOrder wo, ZoneId zone) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        if (wo != null) {
            for (Job job : wo.jobs()) {
                for (Line line : job.lines()) {
                    if (line.issueCost() != null) {
                        costs.put(line.id(), line.issueCost());
                    }
                }
            }
        }
        BigDecimal labour = VisitFact.ZERO, parts = VisitFact.ZERO, other = VisitFact.ZERO, cost = VisitFact.ZERO;
        for (SettlementLine l : s.lines()) {
            switch (l.kind()) {
            case LABOUR -> labour = labour.add(l.net());
            case PART -> {
                parts = parts.add(l.net());
                BigDecimal c = l.workOrderLineId() == null ? null : costs.get(l.workOrderLineId());
                if (c != null) {
                    cost = s.isReversal() ? cost.subtract(c) : cost.add(c);
                }
            }
            default -> other = other.add(l.net());
            }
        }
        return new DocumentFact(s.id(), s.number(), s.workOrderId(), s.customerId(), s.payer().name(),
                wo == null ? "," : VisitFact.types(wo), VisitFact.day(s.settledAt(), zone), s.isReversal(),
                VisitFact.scale(labour), VisitFact.scale(parts), VisitFact.scale(other), VisitFact.scale(s.net()),
                VisitFact.scale(cost));
    }
}
