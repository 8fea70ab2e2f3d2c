package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * What a work order contributes to the reports: one row of {@code rpt_visit} and, once completed, the labour credited
 * to each technician who clocked on it. Declined jobs and part lines marked not needed are left out, as on the bill.
 */
record VisitFact(long workOrderId, String number, String plate, long vehicleId, long customerId, String status,
        String visitTypes, LocalDate openedDay, LocalDate completedDay, LocalDate deliveredDay, Integer onTime,
        boolean comeback, Long comebackOfId, boolean cancelled, BigDecimal soldHours, BigDecimal clockedHours,
        BigDecimal labourNet, BigDecimal partsNet, BigDecimal otherNet, BigDecimal partsCost,
        List<TechnicianCredit> credits) {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** One technician's share of a completed work order's labour. */
    record TechnicianCredit(String technician, BigDecimal soldHours, BigDecimal clockedHours, BigDecimal labourNet) {
    }

    /**
     * @param clocks      the work order's clocks (running ones are ignored)
     * @param completedAt when it last became COMPLETED; null while it is not completed (or delivered)
     */
    static VisitFact of(WorkOrder wo, List<ClockEntry> clocks, Instant completedAt, ZoneId zone) {
        BigDecimal sold = ZERO, clocked = ZERO, labour = ZERO, parts = ZERO, other = ZERO, cost = ZERO;
        List<Line> labourLines = new ArrayList<>();
        for (Job job : wo.jobs()) {
            if (job.declined()) {
                continue;
            }
            for (Line line : job.lines()) {
                if (line.type() == LineType.LABOUR) {
                    sold = sold.add(line.quantity());
                    labour = labour.add(line.net());
                    clocked = clocked.add(line.actualHours() == null ? BigDecimal.ZERO : line.actualHours());
                    labourLines.add(line);
                } else if (line.type() == LineType.PART) {
                    if (line.notNeeded() == null) {
                        parts = parts.add(line.net());
                        cost = cost.add(line.issueCost() == null ? BigDecimal.ZERO : line.issueCost());
                    }
                } else {
                    other = other.add(line.net());
                }
            }
        }
        boolean done = completedAt != null
                && (wo.status() == WorkOrderStatus.COMPLETED || wo.status() == WorkOrderStatus.DELIVERED);
        List<TechnicianCredit> credits = done ? credits(labourLines, clocks) : List.of();
        return new VisitFact(wo.id(), wo.number(), wo.plate(), wo.vehicleId(), wo.customerId(), wo.status().name(),
                types(wo), day(wo.openedAt(), zone), done ? day(completedAt, zone) : null,
                wo.deliveredAt() == null ? null : day(wo.deliveredAt(), zone),
                wo.onTime() == null ? null : (wo.onTime() ? 1 : 0),
                wo.comebackDecision() == ComebackDecision.CONFIRMED, wo.comebackOfId(),
                wo.status() == WorkOrderStatus.CANCELLED, scale(sold), scale(clocked), scale(labour), scale(parts),
                scale(other), scale(cost), credits);
    }

    /** ",MAINTENANCE,ACCIDENT,": searchable with LIKE '%,TYPE,%' on every database. */
    static String types(WorkOrder wo) {
        TreeSet<String> names = new TreeSet<>();
        for (VisitType t : wo.visitTypes()) {
            names.add(t.name());
        }
        return names.isEmpty() ? "," : "," + String.join(",", names) + ",";
    }

    static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * Each labour line's sold hours and net go to the technicians who clocked on it, in proportion to their clocked
     * seconds; the last one takes the rounding remainder so the shares add up to the line. Nobody clocked: nobody is
     * credited (the line still counts in the shop's figures).
     */
    static List<TechnicianCredit> credits(List<Line> labourLines, List<ClockEntry> clocks) {
        Map<String, BigDecimal[]> byTech = new LinkedHashMap<>();
        for (Line line : labourLines) {
            Map<String, Long> seconds = new LinkedHashMap<>();
            for (ClockEntry c : clocks) {
                if (c.labourLineId() == line.id() && c.endedAt() != null) {
                    seconds.merge(c.technician(), Duration.between(c.startedAt(), c.endedAt()).toSeconds(), Long::sum);
                }
            }
            long total = seconds.values().stream().mapToLong(Long::longValue).sum();
            if (total <= 0) {
                continue;
            }
            BigDecimal soldLeft = line.quantity(), netLeft = line.net();
            int i = 0;
            for (Map.Entry<String, Long> e : seconds.entrySet()) {
                boolean last = ++i == seconds.size();
                BigDecimal share = BigDecimal.valueOf(e.getValue()).divide(BigDecimal.valueOf(total), 10,
                        RoundingMode.HALF_UP);
                BigDecimal s = last ? soldLeft : scale(line.quantity().multiply(share));
                BigDecimal n = last ? netLeft : scale(line.net().multiply(share));
                soldLeft = soldLeft.subtract(s);
                netLeft = netLeft.subtract(n);
                BigDecimal hours = BigDecimal.valueOf(e.getValue()).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
                BigDecimal[] sum = byTech.computeIfAbsent(e.getKey(), k -> new BigDecimal[] { ZERO, ZERO, ZERO });
                sum[0] = sum[0].add(s);
                sum[1] = sum[1].add(hours);
                sum[2] = sum[2].add(n);
            }
        }
        List<TechnicianCredit> out = new ArrayList<>();
        byTech.forEach((tech, sum) -> out.add(new TechnicianCredit(tech, scale(sum[0]), scale(sum[1]), scale(sum[2]))));
        return out;
    }

    static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
