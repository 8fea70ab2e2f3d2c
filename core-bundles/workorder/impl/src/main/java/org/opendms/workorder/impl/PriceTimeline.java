package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
import org.opendms.workorder.api.TimelineEntry;

/** A work order's price steps (wo_price_change) put in its timeline: who, old and new price and discount, why. */
final class PriceTimeline {

    private PriceTimeline() {
    }

    static List<TimelineEntry> with(List<TimelineEntry> steps, EntityManager em, long workOrderId) {
        List<PriceChangeEntity> changes = em
                .createQuery("SELECT c FROM PriceChangeEntity c WHERE c.workOrderId = :w ORDER BY c.id",
                        PriceChangeEntity.class)
                .setParameter("w", workOrderId).getResultList();
        if (changes.isEmpty()) {
            return steps;
        }
        List<TimelineEntry> all = new ArrayList<>(steps);
        for (PriceChangeEntity c : changes) {
            Integer seq = em.createQuery("SELECT j.seq FROM JobEntity j WHERE j.id = :j", Integer.class)
                    .setParameter("j", c.jobId).getResultList().stream().findFirst().orElse(null);
            all.add(new TimelineEntry(Stored.instant(c.changedAt), c.changedBy, c.kind, c.jobId, zh(c, seq),
                    en(c, seq)));
        }
        // price steps of one instant keep the order they were taken in (the sort is stable)
        all.sort(Comparator.comparing(TimelineEntry::at).thenComparing(
                e -> WorkOrderTimeline.ORDER.indexOf(e.kind().startsWith("PRICE_") ? "PRICE" : e.kind())));
        return all;
    }

    static String zh(PriceChangeEntity c, Integer seq) {
        String line = "项目 " + seq + " 明细「" + c.lineLabel + "」";
        String request = c.requestId == null ? "" : " #" + c.requestId;
        String why = c.reason == null ? "" : "：" + c.reason;
        String prices = change(c, "单价 ", "，折扣 ", " 元");
        String list = c.listPrice == null ? "" : "（目录价 " + c.listPrice.toPlainString() + "）";
        String exceeds = exceedsZh(c.exceeds);
        return switch (c.kind) {
        case PriceGate.SET -> line + (c.oldUnitPrice == null ? "定价 " : "改价 ") + prices + list
                + (exceeds.isEmpty() ? "" : "，" + exceeds + "，服务经理直接定价") + why;
        case PriceGate.REQUESTED -> line + "申请改价" + request + "：" + prices + list + "，" + exceeds + "，待服务经理审批" + why;
        case PriceGate.APPROVED -> line + "批准改价" + request + "：" + prices + why;
        case PriceGate.REJECTED -> line + "驳回改价" + request + "，仍按 单价 " + c.newUnitPrice.toPlainString() + "，折扣 "
                + c.newDiscount.toPlainString() + " 元" + why;
        default -> line + "撤回改价" + request + why;
        };
    }

    static String en(PriceChangeEntity c, Integer seq) {
        String line = "job " + seq + " line '" + c.lineLabel + "'";
        String request = c.requestId == null ? "" : " #" + c.requestId;
        String why = c.reason == null ? "" : ": " + c.reason;
        String prices = change(c, "unit price ", ", discount ", " yuan");
        String list = c.listPrice == null ? "" : " (list price " + c.listPrice.toPlainString() + ")";
        String exceeds = c.exceeds.isEmpty() ? "" : " [" + c.exceeds + "]";
        return switch (c.kind) {
        case PriceGate.SET -> line + (c.oldUnitPrice == null ? " priced " : " repriced ") + prices + list
                + (exceeds.isEmpty() ? "" : exceeds + " set by the service manager") + why;
        case PriceGate.REQUESTED -> line + " price request" + request + ": " + prices + list + exceeds
                + ", waiting for the service manager" + why;
        case PriceGate.APPROVED -> line + " price request" + request + " approved: " + prices + why;
        case PriceGate.REJECTED -> line + " price request" + request + " rejected, stays at unit price "
                + c.newUnitPrice.toPlainString() + ", discount " + c.newDiscount.toPlainString() + " yuan" + why;
        default -> line + " price request" + request + " withdrawn" + why;
        };
    }

    /** "单价 100.00 → 0.01，折扣 0.00 元": a value that changed with its old one; a new line's values alone. */
    private static String change(PriceChangeEntity c, String price, String discount, String unit) {
        return price + from(c.oldUnitPrice, c.newUnitPrice) + c.newUnitPrice.toPlainString() + discount
                + from(c.oldDiscount, c.newDiscount) + c.newDiscount.toPlainString() + unit;
    }

    private static String from(BigDecimal old, BigDecimal now) {
        return old == null || old.compareTo(now) == 0 ? "" : old.toPlainString() + " → ";
    }

    private static String exceedsZh(String exceeds) {
        List<String> parts = new ArrayList<>();
        if (exceeds.contains(PriceRules.BELOW_LIST)) {
            parts.add("低于目录价");
        }
        if (exceeds.contains(PriceRules.OVER_LIMIT)) {
            parts.add("折扣超出权限");
        }
        return String.join("、", parts);
    }
}
