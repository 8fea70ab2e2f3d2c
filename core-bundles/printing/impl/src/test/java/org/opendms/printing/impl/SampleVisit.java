package org.opendms.printing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerType;
import org.opendms.parts.api.workorder.PickBin;
import org.opendms.parts.api.workorder.PickLine;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Tender;
import org.opendms.vehicle.api.EnergyType;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.workorder.api.Approval;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Findings;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.Totals;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * A settled visit as the published APIs answer it: 张伟's 京A·12345 in for maintenance (customer pays, WeChat and cash)
 * and a brake job the insurer pays; {@link #bill(int)} makes a bill of many lines for the benchmark.
 */
final class SampleVisit {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant OPENED = Instant.parse("2026-12-02T01:30:00Z");
    static final Instant COMPLETED = Instant.parse("2026-12-02T07:10:00Z");
    static final BigDecimal RATE = new BigDecimal("0.13");
    static final String E_BILL = "https://dms.example.cn/e-bill/Zq3xV9kT2mWb7YpR4sLd8NcF";

    private SampleVisit() {
    }

    static Line line(long id, long jobId, LineType type, String code, String desc, String q, String price,
            String discount) {
        BigDecimal quantity = new BigDecimal(q);
        BigDecimal unit = new BigDecimal(price);
        BigDecimal d = new BigDecimal(discount);
        BigDecimal net = quantity.multiply(unit).subtract(d).setScale(2, RoundingMode.HALF_UP);
        return new Line(id, jobId, type, code, desc, quantity, unit, d, net, null,
                type == LineType.LABOUR ? new BigDecimal("1.20") : null);
    }

    static WorkOrder workOrder(WorkOrderStatus status) {
        Approval ok = new Approval("张伟", ApprovalChannel.values()[0], OPENED, "lina");
        List<Line> oil = List.of(line(11, 1, LineType.LABOUR, "BY-001", "更换机油机滤", "1", "120.00", "0"),
                line(12, 1, LineType.PART, "06L115562B", "机油滤清器", "1", "68.50", "0"),
                line(13, 1, LineType.PART, "G052195M4", "全合成机油 5W-40 4L", "1.5", "320.00", "20.00"));
        List<Line> brake = List.of(line(21, 2, LineType.LABOUR, "ZD-010", "更换前刹车片", "1.5", "150.00", "0"),
                line(22, 2, LineType.PART, "8K0698151F", "前刹车片（套）", "1", "456.00", "0"));
        Job j1 = new Job(1, 1, "保养：更换机油机滤", PayType.CUSTOMER, false, ok, null, oil,
                Totals.of(oil.stream().map(Line::net).toList(), RATE),
                new Findings("到达保养里程", "更换机油及机滤，复位保养灯", COMPLETED, "wang"));
        Job j2 = new Job(2, 2, "刹车异响", PayType.INSURANCE, false, ok, null, brake,
                Totals.of(brake.stream().map(Line::net).toList(), RATE),
                new Findings("前刹车片磨损到极限", "更换前刹车片", COMPLETED, "li"));
        List<BigDecimal> nets = new ArrayList<>();
        oil.forEach(l -> nets.add(l.net()));
        brake.forEach(l -> nets.add(l.net()));
        return new WorkOrder(501, "WO20261202-0007", 301, "京A12345", 201, status, null,
                Set.of(VisitType.MAINTENANCE, VisitType.INSURANCE), 45210, 50, "左前门划痕；车内有儿童座椅", "lina",
                Instant.parse("2026-12-02T09:00:00Z"), null, RATE, List.of(j1, j2), Totals.of(nets, RATE), 0, true,
                null, null, null, OPENED, "lina", COMPLETED, "qc", 9);
    }

    static Customer customer() {
        return new Customer(201, CustomerType.PERSON, "张伟", "138****1234", null, null, List.of(), false, null, null,
                OPENED, "lina", OPENED, "lina", 1);
    }

    static Vehicle vehicle() {
        return new Vehicle(301, "LFV2A21K6A3012345", "京A12345", "一汽-大众", "迈腾 330TSI", 2021, "DKV123456", "白",
                EnergyType.PETROL, 201, null, LocalDate.of(2027, 3, 1), null, true, 45210, OPENED, "lina", OPENED,
                "lina", 3);
    }

    static PickList pickList() {
        List<PickLine> lines = List.of(
                new PickLine(12, 1, 1, "06L115562B", "机油滤清器", 9001L, false, BigDecimal.ONE, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, null, 1L, "ZK",
                        new BigDecimal("14"), List.of(new PickBin(1, "A-01-03", new BigDecimal("14"))), "ISSUED", null,
                        null),
                new PickLine(13, 1, 1, "G052195M4", "全合成机油 5W-40 4L", 9002L, false, new BigDecimal("1.5"),
                        new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("1.5"), null, 1L, "ZK", new BigDecimal("20"),
                        List.of(new PickBin(2, "B-02-01", new BigDecimal("20"))), "TO_ISSUE", null, null),
                new PickLine(22, 2, 2, "8K0698151F", "前刹车片（套）", 9003L, false, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, null, 1L, "ZK",
                        new BigDecimal("3"), List.of(new PickBin(3, "C-01-02", new BigDecimal("3"))), "TO_ISSUE",
                        null, null));
        return new PickList(501, "WO20261202-0007", "京A12345", "IN_REPAIR", lines);
    }

    static SettlementLine sline(long id, LineKind kind, String code, String desc, String q, String price, String list,
            String discount) {
        BigDecimal l = new BigDecimal(list);
        BigDecimal d = new BigDecimal(discount);
        return new SettlementLine(id, id, 1L, kind, code, desc, q == null ? null : new BigDecimal(q),
                price == null ? null : new BigDecimal(price), l, d, l.subtract(d));
    }

    /** The customer's document: 120 + 68.50 + 460 labour and parts, 10.00 whole-bill discount, 抹零 to the yuan. */
    static Settlement customerDocument() {
        List<SettlementLine> lines = List.of(
                sline(1, LineKind.LABOUR, "BY-001", "更换机油机滤", "1", "120.00", "120.00", "1.85"),
                sline(2, LineKind.PART, "06L115562B", "机油滤清器", "1", "68.50", "68.50", "1.06"),
                sline(3, LineKind.PART, "G052195M4", "全合成机油 5W-40 4L", "1.5", "320.00", "460.00", "7.09"));
        // net 638.50, VAT 83.01, gross 721.51, rounding −0.51, payable 721.00
        List<Tender> tenders = List.of(new Tender(1, "WECHAT", new BigDecimal("500.00"), null, null,
                "4200001234202612020001"),
                new Tender(2, "CASH", new BigDecimal("221.00"), new BigDecimal("300.00"), new BigDecimal("79.00"),
                        null));
        return new Settlement(701, "JS20261202-0003", 501, "WO20261202-0007", 1, Payer.CUSTOMER, 201, null,
                SettlementStatus.SETTLED, lines, new BigDecimal("120.00"), new BigDecimal("528.50"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.00"), null, new BigDecimal("638.50"), RATE,
                new BigDecimal("83.01"), new BigDecimal("721.51"), Rounding.YUAN, new BigDecimal("-0.51"),
                new BigDecimal("721.00"), new BigDecimal("721.00"), BigDecimal.ZERO, tenders, null, null, null,
                COMPLETED, "zhao", COMPLETED.plusSeconds(600), "zhao", 3);
    }

    static Settlement insurerDocument() {
        List<SettlementLine> lines = List.of(
                sline(4, LineKind.LABOUR, "ZD-010", "更换前刹车片", "1.5", "150.00", "225.00", "0"),
                sline(5, LineKind.PART, "8K0698151F", "前刹车片（套）", "1", "456.00", "456.00", "0"));
        return new Settlement(702, "JS20261202-0004", 501, "WO20261202-0007", 1, Payer.INSURER, 201, "中国人保财险",
                SettlementStatus.OPEN, lines, new BigDecimal("225.00"), new BigDecimal("456.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, new BigDecimal("681.00"), RATE,
                new BigDecimal("88.53"), new BigDecimal("769.53"), Rounding.NONE, BigDecimal.ZERO,
                new BigDecimal("769.53"), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), null, null, null, COMPLETED,
                "zhao", null, null, 1);
    }

    static Visit visit(Visit.Guarantee guarantee) {
        WorkOrder wo = workOrder(WorkOrderStatus.COMPLETED);
        List<Assignment> assignments = List.of(new Assignment(1, List.of("wang"), "3号工位", OPENED.plusSeconds(1800),
                "chen"), new Assignment(2, List.of("li", "zhou"), "举升机 5", OPENED.plusSeconds(2400), "chen"));
        List<ClockEntry> clocks = List.of(
                new ClockEntry(1, 501, 1, 11, "wang", Instant.parse("2026-12-02T02:10:00Z"),
                        Instant.parse("2026-12-02T03:22:00Z"), null),
                new ClockEntry(2, 501, 2, 21, "li", Instant.parse("2026-12-02T03:30:00Z"),
                        Instant.parse("2026-12-02T05:00:00Z"), null));
        return new Visit("北京东方汽车服务有限公司", wo, customer(), vehicle(), assignments, clocks, pickList(),
                List.of(customerDocument(), insurerDocument()), E_BILL, guarantee, COMPLETED, "1. 条款一：追加项目须经客户同意。",
                ZONE, COMPLETED.plusSeconds(900));
    }

    /** A customer document of {@code n} part lines (for the benchmark), amounts adding up exactly. */
    static Visit bill(int n) {
        List<SettlementLine> lines = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 1; i <= n; i++) {
            String price = (37 + i) + ".35";
            lines.add(sline(i, i % 5 == 0 ? LineKind.LABOUR : LineKind.PART, "P" + (100000 + i), "配件名称 第" + i + "项 刹车盘",
                    "2", price, new BigDecimal(price).multiply(BigDecimal.valueOf(2)).toPlainString(), "0"));
            net = net.add(new BigDecimal(price).multiply(BigDecimal.valueOf(2)));
        }
        BigDecimal vat = net.multiply(RATE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gross = net.add(vat);
        Settlement s = new Settlement(801, "JS20261202-0100", 501, "WO20261202-0007", 1, Payer.CUSTOMER, 201, null,
                SettlementStatus.SETTLED, lines, BigDecimal.ZERO, net, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, net, RATE, vat, gross, Rounding.NONE, BigDecimal.ZERO, gross,
                gross, BigDecimal.ZERO, List.of(new Tender(1, "CASH", gross, gross, BigDecimal.ZERO, null)), null, null,
                null, COMPLETED, "zhao", COMPLETED, "zhao", 1);
        Visit v = visit(null);
        return new Visit(v.shop(), v.workOrder(), v.customer(), v.vehicle(), List.of(), List.of(), null, List.of(s),
                E_BILL, null, COMPLETED, v.terms(), ZONE, COMPLETED);
    }
}
