package org.opendms.settlement.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.OnTimeDelivery;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.Totals;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;

/**
 * Work orders as the work-order bundle's published API answers them, kept in memory: settlement only reads them. Test
 * data is built with {@link #completed}.
 */
final class FakeWorkOrders implements WorkOrders {

    private final Map<Long, WorkOrder> all = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    /** A job of a work order in the making: its pay type and lines (type, quantity, unit price, discount). */
    record JobSpec(PayType payType, List<Object[]> lines, boolean declined) {
    }

    static JobSpec job(PayType payType, Object[]... lines) {
        return new JobSpec(payType, List.of(lines), false);
    }

    static JobSpec declinedJob(PayType payType, Object[]... lines) {
        return new JobSpec(payType, List.of(lines), true);
    }

    /** A line: type, quantity, unit price (net of VAT), line discount. */
    static Object[] line(LineType type, String quantity, String unitPrice, String discount) {
        return new Object[] { type, quantity, unitPrice, discount };
    }

    static Object[] line(LineType type, String quantity, String unitPrice) {
        return line(type, quantity, unitPrice, "0");
    }

    /** A line with its catalogue code (a labour operation's, a part number), for rules that look at codes. */
    static Object[] coded(LineType type, String code, String quantity, String unitPrice) {
        return new Object[] { type, quantity, unitPrice, "0", code };
    }

    WorkOrder completed(long customerId, JobSpec... jobs) {
        return completed(customerId, 77, jobs);
    }

    WorkOrder completed(long customerId, long vehicleId, JobSpec... jobs) {
        long id = ids.incrementAndGet();
        List<Job> js = new ArrayList<>();
        List<BigDecimal> nets = new ArrayList<>();
        int seq = 0;
        for (JobSpec spec : jobs) {
            long jobId = ids.incrementAndGet();
            List<Line> lines = new ArrayList<>();
            for (Object[] l : spec.lines()) {
                long lineId = ids.incrementAndGet();
                BigDecimal q = new BigDecimal((String) l[1]);
                BigDecimal p = new BigDecimal((String) l[2]);
                BigDecimal d = new BigDecimal((String) l[3]);
                BigDecimal net = q.multiply(p).subtract(d).setScale(2, java.math.RoundingMode.HALF_UP);
                LineType type = (LineType) l[0];
                String code = l.length > 4 ? (String) l[4] : type.name() + "-" + lineId;
                lines.add(new Line(lineId, jobId, type, code, type.name().toLowerCase() + " "
                        + lineId, q, p, d, net, null, type == LineType.LABOUR ? q : null));
                if (!spec.declined()) {
                    nets.add(net);
                }
            }
            BigDecimal rate = new BigDecimal("0.13");
            js.add(new Job(jobId, ++seq, "concern " + seq, spec.payType(), false, null,
                    spec.declined() ? new org.opendms.workorder.api.Decline("no", Instant.now(), "advisor") : null,
                    lines, Totals.of(lines.stream().map(Line::net).toList(), rate), null));
        }
        WorkOrder wo = new WorkOrder(id, "WO20261202-" + id, vehicleId, "京A12345", customerId,
                WorkOrderStatus.COMPLETED,
                null, Set.of(VisitType.GENERAL_REPAIR), 12000, null, null, "advisor", null, null,
                new BigDecimal("0.1300"), js, Totals.of(nets, new BigDecimal("0.13")), 0, true, null, null, null,
                Instant.now(), "advisor", Instant.now(), "advisor", 5);
        all.put(id, wo);
        return wo;
    }

    void put(WorkOrder wo) {
        all.put(wo.id(), wo);
    }

    WorkOrder withStatus(WorkOrder wo, WorkOrderStatus status) {
        WorkOrder w = new WorkOrder(wo.id(), wo.number(), wo.vehicleId(), wo.plate(), wo.customerId(), status,
                wo.waitReason(), wo.visitTypes(), wo.mileageInKm(), wo.fuelPercent(), wo.walkAround(), wo.advisor(),
                wo.promisedAt(), wo.deliveredAt(), wo.vatRate(), wo.jobs(), wo.totals(), wo.reworkCount(),
                wo.finalQcPassed(), wo.comebackOfId(), wo.comebackOfNumber(), wo.comebackDecision(), wo.openedAt(),
                wo.openedBy(), wo.updatedAt(), wo.updatedBy(), wo.version() + 1);
        all.put(w.id(), w);
        return w;
    }

    @Override
    public WorkOrder get(long id) {
        WorkOrder wo = all.get(id);
        if (wo == null) {
            throw DmsException.notFound("id", "工单不存在", "no such work order");
        }
        return wo;
    }

    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<WorkOrder> search(WorkOrderQuery query, PageRequest page, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OnTimeDelivery onTimeDelivery(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StatusChange> history(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        throw new UnsupportedOperationException();
    }
}
