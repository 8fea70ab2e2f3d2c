package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.opendms.parts.api.figures.PartsFigureSheet;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The parts figures, read from what the parts tables already keep: the first reservation of each work-order line
 * (pt_reservation.first_*), the parts ordered for work-order lines (pt_wo_order) and the ledger's recorded costs and
 * stock after each row (pt_movement). A handful of aggregate queries, nothing summed in Java row by row.
 */
@Component(service = PartsFigures.class)
public class JpaPartsFigures implements PartsFigures {

    static final String READ = "parts.figures.read";

    @Reference
    PartsContext ctx;

    @Override
    public PartsFigureSheet figures(LocalDate from, LocalDate to, List<Long> warehouseIds, Actor actor) {
        ctx.permissions.require(actor, READ);
        Violations v = new Violations();
        if (from == null) {
            v.add("from", "required", "请填写开始日期", "from is required");
        }
        if (to == null) {
            v.add("to", "required", "请填写结束日期", "to is required");
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                v.add("to", "before_from", "结束日期不能早于开始日期", "to is before from");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                v.add("to", "too_long", "统计期间最长 " + MAX_DAYS + " 天", "the period is at most " + MAX_DAYS + " days");
            }
        }
        List<Long> warehouses = warehouseIds == null ? List.of()
                : List.copyOf(new TreeSet<>(warehouseIds.stream().filter(java.util.Objects::nonNull).toList()));
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> {
            // every wrong input named in one refusal: the period and each unknown warehouse
            if (warehouseIds != null && warehouseIds.stream().anyMatch(java.util.Objects::isNull)) {
                v.add("warehouseId", "required", "仓库编号不能为空", "a warehouse id is empty");
            }
            for (Long id : warehouses) {
                if (em.find(WarehouseEntity.class, id) == null) {
                    v.add("warehouseId", "not_found", "仓库 " + id + " 不存在", "warehouse " + id + " does not exist");
                }
            }
            v.throwIfAny();
            LocalDateTime start = Stored.utc(from.atStartOfDay(ctx.clock.zone()).toInstant());
            LocalDateTime end = Stored.utc(to.plusDays(1).atStartOfDay(ctx.clock.zone()).toInstant());
            Object[] lines = (Object[]) bind(em.createNativeQuery("SELECT COUNT(*),"
                    + " SUM(CASE WHEN first_shortfall = 0 THEN 1 ELSE 0 END) FROM pt_reservation"
                    + " WHERE first_reserved_at >= ? AND first_reserved_at < ? AND first_quantity + first_shortfall > 0"
                    + in("warehouse_id", warehouses)), start, end, warehouses).getSingleResult();
            long requested = count(lines[0]);
            long filled = count(lines[1]);
            // a line counts once however many orders it got; with warehouses, where the line reserved
            long urgent = count(bind(em.createNativeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT o.work_order_id,"
                    + " o.line_id FROM pt_wo_order o WHERE o.ordered_at >= ? AND o.ordered_at < ?"
                    + (warehouses.isEmpty() ? ""
                            : " AND EXISTS (SELECT 1 FROM pt_reservation r WHERE r.work_order_id = o.work_order_id"
                                    + " AND r.line_id = o.line_id" + in("r.warehouse_id", warehouses) + ")")
                    + ") t"), start, end, warehouses).getSingleResult());
            // and the replenishment lines of urgent purchase orders sent in the period (a line for a work order is
            // counted above, by its work-order line); an order cancelled since brought nothing and does not count
            urgent += count(bind(em.createNativeQuery("SELECT COUNT(*) FROM pur_order_line l JOIN pur_order o"
                    + " ON o.id = l.order_id WHERE o.urgent = TRUE AND o.sent_at >= ? AND o.sent_at < ?"
                    + " AND o.status <> 'CANCELLED' AND l.work_order_id IS NULL" + in("o.warehouse_id", warehouses)),
                    start, end, warehouses).getSingleResult());
            BigDecimal issued = null;
            BigDecimal opening = null;
            BigDecimal closing = null;
            BigDecimal average = null;
            BigDecimal turnover = null;
            if (costs) {
                // issues are negative rows, returns positive: the cost issued is the negated sum
                issued = yuan(decimal(bind(em.createNativeQuery("SELECT SUM(move_value) FROM pt_movement WHERE"
                        + " movement_type IN ('ISSUE', 'RETURN') AND moved_at >= ? AND moved_at < ?"
                        + in("warehouse_id", warehouses)), start, end, warehouses).getSingleResult()).negate());
                opening = valueAt(em, start, warehouses);
                closing = valueAt(em, end, warehouses);
                average = yuan(opening.add(closing).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
                turnover = average.signum() == 0 ? null : issued.divide(average, 4, RoundingMode.HALF_UP);
            }
            return new PartsFigureSheet(from, to, warehouses, requested, filled, urgent, issued, opening, closing,
                    average, rate(filled, requested), rate(urgent, requested), turnover);
        });
    }

    /** Stock value before a moment: on hand × average cost after each part's last ledger row in each warehouse. */
    static BigDecimal valueAt(EntityManager em, LocalDateTime before, List<Long> warehouses) {
        Object sum = bind(em.createNativeQuery("SELECT SUM(m.on_hand_after * m.avg_cost_after) FROM pt_movement m"
                + " WHERE m.id IN (SELECT MAX(x.id) FROM pt_movement x WHERE x.moved_at < ?"
                + in("x.warehouse_id", warehouses) + " GROUP BY x.part_id, x.warehouse_id)"), before, null, warehouses)
                        .getSingleResult();
        return yuan(decimal(sum));
    }

    private static String in(String column, List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
    }

    /** Binds the period (end may be null: one moment) and then the warehouse ids, in the order of the placeholders. */
    private static Query bind(Query q, LocalDateTime start, LocalDateTime end, List<Long> warehouses) {
        int i = 1;
        q.setParameter(i++, Timestamp.valueOf(start));
        if (end != null) {
            q.setParameter(i++, Timestamp.valueOf(end));
        }
        for (Long id : warehouses) {
            q.setParameter(i++, id);
        }
        return q;
    }

    private static long count(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static BigDecimal decimal(Object n) {
        return n == null ? BigDecimal.ZERO : new BigDecimal(n.toString());
    }

    private static BigDecimal yuan(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
