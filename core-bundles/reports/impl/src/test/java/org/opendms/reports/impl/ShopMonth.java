package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.Totals;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * Work orders and settlement documents as their services hand them out (the published records), for a month whose
 * figures are worked out by hand in {@link ReportsContract}. Times are shop-local (Shanghai).
 */
final class ShopMonth {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final BigDecimal RATE = new BigDecimal("100.00");
    private static long ids = 1000;

    private ShopMonth() {
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A labour line of {@code hours} at 100 yuan, with the hours clocked on it. */
    static Line labour(String hours, String clocked) {
        BigDecimal q = d(hours);
        return new Line(++ids, 0, LineType.LABOUR, "OP" + ids, "工时", q, RATE, BigDecimal.ZERO.setScale(2),
                q.multiply(RATE).setScale(2), null, clocked == null ? null : d(clocked), false, null, null, null);
    }

    static Line part(String net, String cost) {
        return new Line(++ids, 0, LineType.PART, "P" + ids, "配件", BigDecimal.ONE, d(net), BigDecimal.ZERO.setScale(2),
                d(net), null, null, false, null, BigDecimal.ONE, cost == null ? null : d(cost));
    }

    static WorkOrder visit(long id, Set<VisitType> types, String opened, WorkOrderStatus status, Instant promised,
            Instant delivered, Boolean onTime, Long comebackOf, List<Line> lines) {
        return visit(id, 77, types, opened, status, promised, delivered, onTime, comebackOf, lines);
    }

    /** A visit of a given customer. */
    static WorkOrder visit(long id, long customer, Set<VisitType> types, String opened, WorkOrderStatus status,
            Instant promised, Instant delivered, Boolean onTime, Long comebackOf, List<Line> lines) {
        List<Line> bound = new ArrayList<>();
        for (Line l : lines) {
            bound.add(new Line(l.id(), id * 10, l.type(), l.code(), l.description(), l.quantity(), l.unitPrice(),
                    l.discount(), l.net(), l.stockItemId(), l.actualHours(), false, null, l.issuedQuantity(),
                    l.issueCost()));
        }
        Totals totals = Totals.of(bound.stream().map(Line::net).toList(), d("0.13"));
        Job job = new Job(id * 10, 1, "客户描述", PayType.CUSTOMER, false, null, null, bound, totals, null);
        return new WorkOrder(id, "WO" + id, 500 + id, "京A" + (10000 + id), customer, status, null, types, 10000, null,
                null,
                "wang.advisor", promised, delivered, d("0.13"), List.of(job), totals, 0, true, comebackOf,
                comebackOf == null ? null : "WO" + comebackOf,
                comebackOf == null ? null : ComebackDecision.CONFIRMED, at(opened), "wang.advisor", at(opened),
                "wang.advisor", 1, onTime, false);
    }

    static ClockEntry clock(WorkOrder wo, Line line, String tech, String from, String to) {
        Line bound = wo.jobs().get(0).lines().stream().filter(l -> l.id() == line.id()).findFirst().orElseThrow();
        return new ClockEntry(++ids, wo.id(), wo.jobs().get(0).id(), bound.id(), tech, at(from), at(to), null);
    }

    /**
     * A paid document of the work order billing its lines at their nets; {@code reversalOf} makes it the reversal
     * (红冲) of that document, every amount negated.
     */
    static Settlement document(long id, WorkOrder wo, Payer payer, String settled, Settlement reversalOf) {
        List<SettlementLine> lines = new ArrayList<>();
        BigDecimal labour = BigDecimal.ZERO.setScale(2), parts = BigDecimal.ZERO.setScale(2);
        if (reversalOf != null) {
            for (SettlementLine l : reversalOf.lines()) {
                lines.add(new SettlementLine(++ids, l.workOrderLineId(), l.jobId(), l.kind(), l.code(),
                        l.description(), l.quantity(), l.unitPrice(), l.listNet().negate(), l.discount().negate(),
                        l.net().negate()));
            }
        } else {
            for (Line l : wo.jobs().get(0).lines()) {
                LineKind kind = l.type() == LineType.LABOUR ? LineKind.LABOUR : LineKind.PART;
                lines.add(new SettlementLine(++ids, l.id(), l.jobId(), kind, l.code(), l.description(), l.quantity(),
                        l.unitPrice(), l.net(), BigDecimal.ZERO.setScale(2), l.net()));
            }
        }
        for (SettlementLine l : lines) {
            if (l.kind() == LineKind.LABOUR) {
                labour = labour.add(l.net());
            } else {
                parts = parts.add(l.net());
            }
        }
        BigDecimal net = labour.add(parts), zero = BigDecimal.ZERO.setScale(2);
        return new Settlement(id, "JS" + id, wo.id(), wo.number(), 1, payer, wo.customerId(), null,
                SettlementStatus.SETTLED, lines, labour, parts, zero, zero, zero, zero, null, net, d("0.13"), zero, net,
                Rounding.NONE, zero, net, net, zero, List.of(), reversalOf == null ? null : reversalOf.id(), null,
                reversalOf == null ? null : "重新结算", at(settled), "qian.cashier", at(settled), "qian.cashier", 1);
    }
}
