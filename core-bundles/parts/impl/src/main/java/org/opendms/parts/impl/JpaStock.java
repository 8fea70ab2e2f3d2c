package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.opendms.parts.api.Batch;
import org.opendms.parts.api.BinStock;
import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLimits;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.PagedSearch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stock reads from the stock rows (three indexed queries for a part, whatever the size of the ledger) and the limits.
 */
@Component(service = Stock.class)
public class JpaStock implements Stock {

    static final String READ = "parts.read";

    @Reference
    PartsContext ctx;

    @Override
    public PartStock ofPart(long partId, Actor actor) {
        ctx.permissions.require(actor, READ);
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> partStock(em, JpaCatalogue.find(em, partId), null, costs, ctx.clock.today()));
    }

    @Override
    public Optional<PartStock> ofPartNumber(String partNumber, Actor actor) {
        ctx.permissions.require(actor, READ);
        String key = PartNumber.key(partNumber);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> {
            PartEntity p = JpaCatalogue.byKey(em, key);
            return p == null ? Optional.<PartStock>empty()
                    : Optional.of(partStock(em, p, null, costs, ctx.clock.today()));
        });
    }

    @Override
    public Page<PartStock> inWarehouse(long warehouseId, Long binId, PageRequest page, Actor actor) {
        ctx.permissions.require(actor, READ);
        boolean costs = ctx.seesCost(actor);
        PagedSearch<StockEntity> search = PagedSearch.of(StockEntity.class, "s");
        search.where("s.warehouseId = :w", "w", warehouseId);
        search.where("(s.onHand > 0 OR s.reserved > 0)");
        if (binId != null) {
            search.where("s.partId IN (SELECT b.partId FROM BinStockEntity b WHERE b.binId = :bin AND b.onHand > 0)",
                    "bin", binId);
        }
        return ctx.read(em -> {
            JpaWarehouses.find(em, warehouseId);
            return search.page(em, "s.partId", page,
                    s -> partStock(em, em.find(PartEntity.class, s.partId), warehouseId, costs, ctx.clock.today()));
        });
    }

    @Override
    public WarehouseStock setLimits(long partId, long warehouseId, StockLimits limits, Actor actor) {
        ctx.permissions.require(actor, "parts.limits.edit");
        Violations v = new Violations();
        BigDecimal min = limits == null ? null : limit(v, "minimum", limits.minimum());
        BigDecimal max = limits == null ? null : limit(v, "maximum", limits.maximum());
        BigDecimal reorder = limits == null ? null : limit(v, "reorderPoint", limits.reorderPoint());
        if (min != null && max != null && max.compareTo(min) < 0) {
            v.add("maximum", "below_minimum", "最高库存不能低于最低库存", "the maximum cannot be below the minimum");
        }
        if (reorder != null && max != null && reorder.compareTo(max) > 0) {
            v.add("reorderPoint", "above_maximum", "订货点不能高于最高库存", "the reorder point cannot be above the maximum");
        }
        v.throwIfAny();
        boolean costs = ctx.seesCost(actor);
        return ctx.write(em -> {
            PartEntity p = JpaCatalogue.find(em, partId);
            WarehouseEntity w = JpaWarehouses.find(em, warehouseId);
            StockEntity s = LedgerEngine.lock(em, partId, warehouseId);
            Map<String, Object> before = new HashMap<>();
            before.put("minimum", s.minimum);
            before.put("maximum", s.maximum);
            before.put("reorderPoint", s.reorderPoint);
            s.minimum = min;
            s.maximum = max;
            s.reorderPoint = reorder;
            em.flush();
            Map<String, Object> after = new HashMap<>();
            after.put("minimum", min);
            after.put("maximum", max);
            after.put("reorderPoint", reorder);
            ctx.audit.record(em, actor, "stock-limits", p.number + "@" + w.code, before, after);
            return warehouseStock(s, w.code, bins(em, partId).getOrDefault(warehouseId, List.of()), costs);
        });
    }

    private static BigDecimal limit(Violations v, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(Quantities.MAX) > 0) {
            v.add(field, "out_of_range", field + " 必须是 0 到 999999 之间、最多两位小数的数量",
                    field + " must be a quantity from 0 to 999999 with at most 2 decimals");
            return null;
        }
        return value.setScale(2);
    }

    @Override
    public Page<WarehouseStock> belowMinimum(Long warehouseId, PageRequest page, Actor actor) {
        ctx.permissions.require(actor, READ);
        boolean costs = ctx.seesCost(actor);
        PagedSearch<StockEntity> search = PagedSearch.of(StockEntity.class, "s");
        search.where("s.minimum IS NOT NULL AND s.onHand < s.minimum");
        if (warehouseId != null) {
            search.where("s.warehouseId = :w", "w", warehouseId);
        }
        return ctx.read(em -> search.page(em, "s.partId, s.warehouseId", page,
                s -> warehouseStock(s, em.find(WarehouseEntity.class, s.warehouseId).code,
                        bins(em, s.partId).getOrDefault(s.warehouseId, List.of()), costs)));
    }

    @Override
    public List<Batch> batches(long partId, long warehouseId) {
        return ctx.read(em -> {
            List<BatchEntity> found = new ArrayList<>(em.createQuery("SELECT b FROM BatchEntity b WHERE b.partId = :p"
                    + " AND b.warehouseId = :w AND b.onHand > 0", BatchEntity.class).setParameter("p", partId)
                    .setParameter("w", warehouseId).getResultList());
            found.sort(Comparator.comparing((BatchEntity b) -> b.expiresOn,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(b -> b.id));
            return found.stream().map(Records::batch).toList();
        });
    }

    @Override
    public Page<Batch> expiring(LocalDate onOrBefore, PageRequest page) {
        if (onOrBefore == null) {
            throw DmsException.invalid("onOrBefore", "required", "请选择日期", "the date is required");
        }
        PagedSearch<BatchEntity> search = PagedSearch.of(BatchEntity.class, "b");
        search.where("b.onHand > 0");
        search.where("b.expiresOn <= :d", "d", onOrBefore);
        return ctx.read(em -> search.page(em, "b.expiresOn, b.id", page, Records::batch));
    }

    // ---- building the records ----

    /**
     * A part's stock in every warehouse (or one): one indexed query for its stock rows with their bins, after the part
     * (what the advisor's "in stock?" costs, whatever the size of the ledger).
     */
    static PartStock partStock(EntityManager em, PartEntity p, Long onlyWarehouse, boolean costs, LocalDate today) {
        List<Object[]> rows = castRows(em.createNativeQuery("SELECT s.warehouse_id, w.code, s.on_hand, s.reserved,"
                + " s.in_transit, s.avg_cost, s.min_qty, s.max_qty, s.reorder_point, b.bin_id, n.code, b.on_hand"
                + " FROM pt_stock s JOIN pt_warehouse w ON w.id = s.warehouse_id"
                + " LEFT JOIN pt_bin_stock b ON b.part_id = s.part_id AND b.warehouse_id = s.warehouse_id"
                + " AND b.on_hand > 0 LEFT JOIN pt_bin n ON n.id = b.bin_id"
                + " WHERE s.part_id = ? ORDER BY w.code, n.code").setParameter(1, p.id).getResultList());
        List<WarehouseStock> list = new ArrayList<>();
        BigDecimal onHand = BigDecimal.ZERO.setScale(2);
        BigDecimal reserved = BigDecimal.ZERO.setScale(2);
        int i = 0;
        while (i < rows.size()) {
            Object[] row = rows.get(i);
            long warehouseId = ((Number) row[0]).longValue();
            List<BinStock> bins = new ArrayList<>();
            for (; i < rows.size() && ((Number) rows.get(i)[0]).longValue() == warehouseId; i++) {
                Object[] b = rows.get(i);
                if (b[9] != null) {
                    bins.add(new BinStock(((Number) b[9]).longValue(), (String) b[10], decimal(b[11])));
                }
            }
            if (onlyWarehouse != null && warehouseId != onlyWarehouse) {
                continue;
            }
            StockEntity s = new StockEntity(); // a holder of the figures read, never persisted
            s.partId = p.id;
            s.warehouseId = warehouseId;
            s.onHand = decimal(row[2]);
            s.reserved = decimal(row[3]);
            s.inTransit = decimal(row[4]);
            s.averageCost = decimal(row[5]);
            s.minimum = decimal(row[6]);
            s.maximum = decimal(row[7]);
            s.reorderPoint = decimal(row[8]);
            list.add(warehouseStock(s, (String) row[1], bins, costs));
            onHand = onHand.add(s.onHand);
            reserved = reserved.add(s.reserved);
        }
        return new PartStock(Records.part(p, today), onHand, reserved, onHand.subtract(reserved), list);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> castRows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    static WarehouseStock warehouseStock(StockEntity s, String code, List<BinStock> bins, boolean costs) {
        StockLimits limits = s.minimum == null && s.maximum == null && s.reorderPoint == null ? null
                : new StockLimits(s.minimum, s.maximum, s.reorderPoint);
        return new WarehouseStock(s.warehouseId, code, s.onHand, s.reserved, s.onHand.subtract(s.reserved),
                s.inTransit, costs ? s.averageCost : null, costs ? Quantities.value(s.onHand, s.averageCost) : null,
                limits, bins);
    }

    /** The bins holding a part, by warehouse, each by bin code. */
    static Map<Long, List<BinStock>> bins(EntityManager em, long partId) {
        Map<Long, List<BinStock>> byWarehouse = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT b.warehouseId, b.binId, n.code, b.onHand FROM BinStockEntity b,"
                + " BinEntity n WHERE b.partId = :p AND b.onHand > 0 AND n.id = b.binId ORDER BY n.code",
                Object[].class).setParameter("p", partId).getResultList()) {
            byWarehouse.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new BinStock((Long) row[1], (String) row[2], (BigDecimal) row[3]));
        }
        return byWarehouse;
    }
}
