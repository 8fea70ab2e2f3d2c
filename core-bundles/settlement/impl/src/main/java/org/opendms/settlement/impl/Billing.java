package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.BenefitContext;
import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arithmetic of a bill, without a database: which payer each line goes to, the handling fee, the whole-bill
 * discount spread over the lines to the fen, VAT once on the net, and 抹零. Every amount is BigDecimal with 2 decimals.
 */
final class Billing {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal FEN = new BigDecimal("0.01");

    /** The configured numbers, fixed together. */
    record Rules(BigDecimal discountLimitShare, BigDecimal handlingFeeRate, Set<Payer> handlingFeePayers,
            BigDecimal roundingLimit) {
        static final Rules DEFAULTS = new Rules(new BigDecimal("0.10"), BigDecimal.ZERO,
                Set.of(Payer.CUSTOMER, Payer.INSURER), new BigDecimal("1.00"));
    }

    /** A line of a document before it is stored. */
    record DraftLine(Long workOrderLineId, Long jobId, LineKind kind, String code, String description,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal listNet, BigDecimal discount, BigDecimal net) {
    }

    /** A document before it is stored; {@code discount} includes the {@code benefits}. */
    record Draft(Payer payer, String payerName, List<DraftLine> lines, BigDecimal labour, BigDecimal parts,
            BigDecimal sublet, BigDecimal fees, BigDecimal handlingFee, BigDecimal discount, List<Benefit> benefits,
            boolean discountOverLimit,
            BigDecimal net, BigDecimal vatRate, BigDecimal vat, BigDecimal gross, Rounding roundTo,
            BigDecimal rounding, BigDecimal payable) {
    }

    /** What plugins give on the customer's lines (see {@link org.opendms.settlement.api.BenefitProvider}). */
    interface Benefits {
        Benefits NONE = lines -> List.of();

        List<Benefit> offers(List<BenefitContext.Line> lines);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Billing.class);

    private Billing() {
    }

    static List<Draft> bill(WorkOrder wo, SettleRequest request, Rules rules) {
        return bill(wo, request, rules, Benefits.NONE);
    }

    static Payer payerOf(PayType type) {
        return switch (type) {
        case CUSTOMER -> Payer.CUSTOMER;
        case INSURANCE -> Payer.INSURER;
        case WARRANTY -> Payer.MANUFACTURER;
        case INTERNAL -> Payer.INTERNAL;
        };
    }

    /**
     * The documents of a work order, CUSTOMER first then in {@link Payer} order; a payer with no line gets none.
     *
     * @throws DmsException INVALID_INPUT naming every wrong job, line, discount or rounding at once
     */
    static List<Draft> bill(WorkOrder wo, SettleRequest request, Rules rules, Benefits benefits) {
        List<Violation> wrong = new ArrayList<>();
        Map<Long, Job> jobs = new LinkedHashMap<>();
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (Job j : wo.jobs()) {
            jobs.put(j.id(), j);
            for (Line l : j.lines()) {
                lines.put(l.id(), l);
            }
        }
        request.jobPayers().forEach((id, p) -> {
            if (!jobs.containsKey(id)) {
                wrong.add(new Violation("jobPayers." + id, "not_on_work_order", "工单 " + wo.number() + " 没有项目 " + id,
                        "work order " + wo.number() + " has no job " + id));
            } else if (p == null) {
                wrong.add(new Violation("jobPayers." + id, "required", "请选择付款方", "choose the payer"));
            }
        });
        request.linePayers().forEach((id, p) -> {
            if (!lines.containsKey(id)) {
                wrong.add(new Violation("linePayers." + id, "not_on_work_order",
                        "工单 " + wo.number() + " 没有明细 " + id, "work order " + wo.number() + " has no line " + id));
            } else if (p == null) {
                wrong.add(new Violation("linePayers." + id, "required", "请选择付款方", "choose the payer"));
            }
        });
        Map<Payer, List<DraftLine>> byPayer = new EnumMap<>(Payer.class);
        for (Job j : wo.jobs()) {
            if (j.declined()) {
                continue; // the customer refused it: not in the work order's totals either
            }
            Payer jobPayer = request.jobPayers().getOrDefault(j.id(), payerOf(j.payType()));
            for (Line l : j.lines()) {
                if (l.notNeeded() != null) {
                    continue; // a part the advisor marked not needed was not fitted
                }
                Payer p = request.linePayers().getOrDefault(l.id(), jobPayer);
                if (p == null) {
                    continue;
                }
                BigDecimal listNet = l.net().setScale(2, RoundingMode.HALF_UP);
                byPayer.computeIfAbsent(p, x -> new ArrayList<>())
                        .add(new DraftLine(l.id(), j.id(), kindOf(l.type()), l.code(), l.description(),
                                l.quantity().setScale(2, RoundingMode.HALF_UP),
                                l.unitPrice().setScale(2, RoundingMode.HALF_UP), listNet, ZERO, listNet));
            }
        }
        for (Map.Entry<Payer, BigDecimal> d : request.discounts().entrySet()) {
            BigDecimal amount = d.getValue();
            String field = "discounts." + d.getKey();
            if (amount == null) {
                continue;
            }
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                wrong.add(new Violation(field, "invalid", "折扣金额须为不小于 0 的金额，最多两位小数",
                        "a discount is an amount of at least 0 with at most 2 decimals"));
            } else if (amount.signum() > 0 && !byPayer.containsKey(d.getKey())) {
                wrong.add(new Violation(field, "no_document", d.getKey().zh() + "没有结算明细，不能打折",
                        "there is nothing billed to " + d.getKey() + " to discount"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<Payer, List<DraftLine>> e : byPayer.entrySet()) {
            Payer payer = e.getKey();
            BigDecimal discount = request.discounts().getOrDefault(payer, BigDecimal.ZERO);
            Rounding roundTo = payer == Payer.CUSTOMER && request.roundTo() != null ? request.roundTo()
                    : Rounding.NONE;
            List<Benefit> given = payer == Payer.CUSTOMER ? accepted(benefits.offers(contextLines(e.getValue())),
                    e.getValue()) : List.of();
            drafts.add(document(payer, request.payerNames().get(payer), e.getValue(), given,
                    discount == null ? BigDecimal.ZERO : discount, roundTo, wo.vatRate(), rules, wrong));
        }
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        return drafts;
    }

    private static List<BenefitContext.Line> contextLines(List<DraftLine> lines) {
        return lines.stream().map(l -> new BenefitContext.Line(l.workOrderLineId(), l.jobId(), l.kind(), l.code(),
                l.listNet())).toList();
    }

    /**
     * The offers that hold, in order: each names lines of this bill, amounts above 0 with at most 2 decimals, and
     * together with the offers before it leaves no line below 0. An offer that does not hold is left out whole.
     */
    static List<Benefit> accepted(List<Benefit> offers, List<DraftLine> lines) {
        Map<Long, BigDecimal> left = new HashMap<>();
        lines.forEach(l -> left.put(l.workOrderLineId(), l.listNet()));
        List<Benefit> out = new ArrayList<>();
        for (Benefit b : offers == null ? List.<Benefit>of() : offers) {
            String why = b == null ? "null" : b.nameZh() == null || b.nameZh().isBlank() ? "no name" : null;
            Map<Long, BigDecimal> after = new HashMap<>(left);
            if (why == null) {
                for (Map.Entry<Long, BigDecimal> e : b.lines().entrySet()) {
                    BigDecimal a = e.getValue();
                    BigDecimal l = after.get(e.getKey());
                    if (l == null || a == null || a.signum() <= 0 || a.stripTrailingZeros().scale() > 2
                            || a.compareTo(l) > 0) {
                        why = "line " + e.getKey() + ": " + a + " of " + l;
                        break;
                    }
                    after.put(e.getKey(), l.subtract(a));
                }
            }
            if (why != null || b.lines().isEmpty()) {
                LOG.warn("a benefit offered for the bill is left out ({}): {}", why == null ? "no lines" : why, b);
                continue;
            }
            left.putAll(after);
            Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
            b.lines().forEach((id, a) -> amounts.put(id, a.setScale(2)));
            String en = b.nameEn() == null || b.nameEn().isBlank() ? b.nameZh() : b.nameEn();
            out.add(Benefit.of(Writes.clean(b.nameZh(), 100), Writes.clean(en, 100), amounts));
        }
        return out;
    }

    private static Draft document(Payer payer, String payerName, List<DraftLine> given, List<Benefit> benefits,
            BigDecimal discount, Rounding roundTo, BigDecimal vatRate, Rules rules, List<Violation> wrong) {
        Map<Long, BigDecimal> off = new HashMap<>();
        benefits.forEach(b -> b.lines().forEach((id, a) -> off.merge(id, a, BigDecimal::add)));
        List<DraftLine> lines = new ArrayList<>();
        for (DraftLine l : given) {
            BigDecimal b = off.getOrDefault(l.workOrderLineId(), ZERO);
            lines.add(new DraftLine(l.workOrderLineId(), l.jobId(), l.kind(), l.code(), l.description(), l.quantity(),
                    l.unitPrice(), l.listNet(), b, l.listNet().subtract(b)));
        }
        BigDecimal benefit = benefits.stream().map(Benefit::amount).reduce(ZERO, BigDecimal::add);
        BigDecimal parts = sum(lines, LineKind.PART);
        BigDecimal handling = ZERO;
        if (rules.handlingFeeRate().signum() > 0 && rules.handlingFeePayers().contains(payer)
                && parts.signum() > 0) {
            handling = parts.multiply(rules.handlingFeeRate()).setScale(2, RoundingMode.HALF_UP);
            lines.add(new DraftLine(null, null, LineKind.HANDLING_FEE, "HANDLING", "材料管理费", new BigDecimal("1.00"),
                    handling, handling, ZERO, handling));
        }
        BigDecimal before = lines.stream().map(DraftLine::net).reduce(ZERO, BigDecimal::add);
        BigDecimal d = discount.setScale(2, RoundingMode.UNNECESSARY);
        if (d.compareTo(before) > 0) {
            wrong.add(new Violation("discounts." + payer, "over_total", "折扣不能超过单据金额 " + before,
                    "the discount cannot exceed the document's amount " + before));
            d = ZERO;
        }
        lines = spread(lines, d);
        BigDecimal net = before.subtract(d);
        BigDecimal vat = net.multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gross = net.add(vat);
        BigDecimal payable = switch (roundTo) {
        case NONE -> gross;
        case JIAO -> gross.setScale(1, RoundingMode.DOWN).setScale(2);
        case YUAN -> gross.setScale(0, RoundingMode.DOWN).setScale(2);
        };
        BigDecimal rounding = payable.subtract(gross);
        if (rounding.negate().compareTo(rules.roundingLimit()) > 0) {
            wrong.add(new Violation("roundTo", "rounding.over_limit",
                    "抹零 " + rounding.negate() + " 元超过允许的 " + rules.roundingLimit() + " 元",
                    "rounding off " + rounding.negate() + " exceeds the limit of " + rules.roundingLimit()));
        }
        boolean overLimit = d.compareTo(before.multiply(rules.discountLimitShare())) > 0;
        return new Draft(payer, payer == Payer.INSURER || payer == Payer.MANUFACTURER ? payerName : null, lines,
                sum(lines, LineKind.LABOUR), parts, sum(lines, LineKind.SUBLET), sum(lines, LineKind.FEE), handling,
                d.add(benefit), benefits, overLimit, net, vatRate, vat, gross, roundTo, rounding, payable);
    }

    /**
     * The discount spread over the lines in proportion to their nets (after benefits), each share cut to the fen, the
     * fen left over given one each to the lines with the largest cut-off remainders (the earlier line on a tie): the
     * shares add up to the discount exactly and no line gets more than its net.
     */
    static List<DraftLine> spread(List<DraftLine> lines, BigDecimal discount) {
        BigDecimal base = lines.stream().map(DraftLine::net).filter(n -> n.signum() > 0).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (discount.signum() == 0 || base.signum() == 0) {
            return lines;
        }
        BigDecimal[] shares = new BigDecimal[lines.size()];
        BigDecimal[] remainders = new BigDecimal[lines.size()];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal n = lines.get(i).net();
            if (n.signum() <= 0) {
                shares[i] = ZERO;
                remainders[i] = BigDecimal.valueOf(-1);
                continue;
            }
            BigDecimal exact = discount.multiply(n).divide(base, 12, RoundingMode.DOWN);
            shares[i] = exact.setScale(2, RoundingMode.DOWN);
            remainders[i] = exact.subtract(shares[i]);
            given = given.add(shares[i]);
        }
        int left = discount.subtract(given).movePointRight(2).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = order.get(k % order.size());
            shares[i] = shares[i].add(FEN);
        }
        List<DraftLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            DraftLine l = lines.get(i);
            out.add(new DraftLine(l.workOrderLineId(), l.jobId(), l.kind(), l.code(), l.description(), l.quantity(),
                    l.unitPrice(), l.listNet(), l.discount().add(shares[i]), l.net().subtract(shares[i])));
        }
        return out;
    }

    private static BigDecimal sum(List<DraftLine> lines, LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(DraftLine::listNet).reduce(ZERO, BigDecimal::add);
    }

    private static LineKind kindOf(LineType type) {
        return switch (type) {
        case LABOUR -> LineKind.LABOUR;
        case PART -> LineKind.PART;
        case SUBLET -> LineKind.SUBLET;
        case FEE -> LineKind.FEE;
        };
    }
}
