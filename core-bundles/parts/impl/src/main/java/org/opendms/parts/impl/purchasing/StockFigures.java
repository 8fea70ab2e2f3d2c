package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

/**
 * Read-only figures over the stock, ledger, batch and reservation rows of this bundle's parts tables, for the
 * suggestions, the analysis and the stocktake sheet: whole warehouses at once in a few queries, where the published
 * {@code Stock} API answers one part (or one page) at a time. The only place purchasing and stocktake name the parts
 * engineer's entities (StockEntity, BinStockEntity, BatchEntity, MovementEntity, ReservationEntity); they never write
 * them: every change goes through {@code StockLedger}.
 */
public final class StockFigures {

    private StockFigures() {
    }

    /** A part's stock row in a warehouse. */
    public record Row(long partId, long warehouseId, BigDecimal onHand, BigDecimal reserved, BigDecimal inTransit,
            BigDecimal averageCost, BigDecimal minimum, BigDecimal maximum, BigDecimal reorderPoint,
            LocalDateTime lastMovementAt) {
    }

    /** What lies in a bin (and batch, for batch-tracked parts; else batch null). */
    public record Shelf(long partId, long binId, String batchNumber, BigDecimal onHand) {
    }

    /** Every stock row of a warehouse (all warehouses when null). */
    public static List<Row> rows(EntityManager em, Long warehouseId) {
        var query = em.createQuery("SELECT s.partId, s.warehouseId, s.onHand, s.reserved, s.inTransit,"
                + " s.averageCost, s.minimum, s.maximum, s.reorderPoint, s.lastMovementAt FROM StockEntity s"
                + (warehouseId == null ? "" : " WHERE s.warehouseId = :w"), Object[].class);
        if (warehouseId != null) {
            query.setParameter("w", warehouseId);
        }
        List<Object[]> found = query.getResultList();
        List<Row> rows = new ArrayList<>();
        for (Object[] r : found) {
            rows.add(new Row((Long) r[0], (Long) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                    (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8],
                    (LocalDateTime) r[9]));
        }
        return rows;
    }

    /**
     * What the bins of a warehouse hold now (all bins when {@code binIds} is empty): a batch-tracked part by batch, the
     * others by bin.
     */
    public static List<Shelf> shelves(EntityManager em, long warehouseId, List<Long> binIds) {
        String bins = binIds.isEmpty() ? "" : " AND b.binId IN :bins";
        List<Shelf> out = new ArrayList<>();
        var plain = em.createQuery("SELECT b.partId, b.binId, b.onHand FROM BinStockEntity b, PartEntity p"
                + " WHERE p.id = b.partId AND p.batchTracked = :no AND b.warehouseId = :w" + bins, Object[].class)
                .setParameter("w", warehouseId).setParameter("no", false);
        var batches = em.createQuery("SELECT b.partId, b.binId, b.batchNumber, b.onHand FROM BatchEntity b"
                + " WHERE b.warehouseId = :w" + bins, Object[].class).setParameter("w", warehouseId);
        if (!binIds.isEmpty()) {
            plain.setParameter("bins", binIds);
            batches.setParameter("bins", binIds);
        }
        for (Object[] r : plain.getResultList()) {
            out.add(new Shelf((Long) r[0], (Long) r[1], null, (BigDecimal) r[2]));
        }
        for (Object[] r : batches.getResultList()) {
            out.add(new Shelf((Long) r[0], (Long) r[1], (String) r[2], (BigDecimal) r[3]));
        }
        return out;
    }

    /** What a bin (and batch) holds now; 0 when it has no row. */
    public static BigDecimal onHand(EntityManager em, long partId, long warehouseId, long binId, String batch) {
        List<BigDecimal> found = batch == null
                ? em.createQuery("SELECT b.onHand FROM BinStockEntity b WHERE b.partId = :p AND b.warehouseId = :w"
                        + " AND b.binId = :b", BigDecimal.class).setParameter("p", partId)
                        .setParameter("w", warehouseId).setParameter("b", binId).getResultList()
                : em.createQuery("SELECT b.onHand FROM BatchEntity b WHERE b.partId = :p AND b.warehouseId = :w"
                        + " AND b.binId = :b AND b.batchNumber = :n", BigDecimal.class).setParameter("p", partId)
                        .setParameter("w", warehouseId).setParameter("b", binId).setParameter("n", batch)
                        .getResultList();
        return found.isEmpty() ? BigDecimal.ZERO.setScale(2) : found.get(0);
    }

    /** The newest ledger row of a part in a bin (0 when none): a later one means it moved since. */
    public static long ledgerMark(EntityManager em, long partId, long warehouseId, long binId) {
        Long max = em.createQuery("SELECT MAX(m.id) FROM MovementEntity m WHERE m.partId = :p AND m.warehouseId = :w"
                + " AND m.binId = :b", Long.class).setParameter("p", partId).setParameter("w", warehouseId)
                .setParameter("b", binId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The moving-average cost of a part in a warehouse (0 when it has no stock row). */
    public static BigDecimal averageCost(EntityManager em, long partId, long warehouseId) {
        List<BigDecimal> found = em.createQuery("SELECT s.averageCost FROM StockEntity s WHERE s.partId = :p AND"
                + " s.warehouseId = :w", BigDecimal.class).setParameter("p", partId).setParameter("w", warehouseId)
                .getResultList();
        return found.isEmpty() ? BigDecimal.ZERO.setScale(4) : found.get(0);
    }

    /** Demand reserved but not available when reserved (shortfall: to be ordered), by part, in a warehouse. */
    public static Map<Long, BigDecimal> shortfalls(EntityManager em, long warehouseId) {
        Map<Long, BigDecimal> out = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT r.partId, SUM(r.shortfall) FROM ReservationEntity r WHERE"
                + " r.warehouseId = :w AND r.shortfall > 0 GROUP BY r.partId", Object[].class)
                .setParameter("w", warehouseId).getResultList()) {
            out.put((Long) r[0], (BigDecimal) r[1]);
        }
        return out;
    }

    /**
     * The cost of what was issued to work orders less what came back, by part, over [from, to) (UTC times as stored).
     */
    public static Map<Long, BigDecimal> consumption(EntityManager em, LocalDateTime from, LocalDateTime to) {
        Map<Long, BigDecimal> out = new HashMap<>();
        // native: the entity's field "type" is a reserved word of JPQL
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT part_id, SUM(quantity * unit_cost) FROM pt_movement WHERE"
                + " movement_type IN ('ISSUE', 'RETURN') AND moved_at >= ? AND moved_at < ? GROUP BY part_id")
                .setParameter(1, java.sql.Timestamp.valueOf(from)).setParameter(2, java.sql.Timestamp.valueOf(to))
                .getResultList();
        for (Object[] r : rows) {
            // issues are negative rows, returns positive: consumption is the negated sum
            out.put(((Number) r[0]).longValue(), Checks.yuan(new BigDecimal(r[1].toString()).negate()));
        }
        return out;
    }

    /**
     * Consumption moved to the successors of superseded parts (supersessions REPLACED and KIT in effect on the day,
     * over
     * several steps): the demand history of a superseded part counts for the part that replaces it, and for each part
     * of a kit that replaces it, as {@code Catalogue.family} defines; the superseded part keeps none.
     */
    public static Map<Long, BigDecimal> toSuccessors(EntityManager em, Map<Long, BigDecimal> consumed,
            java.time.LocalDate day) {
        Map<Long, List<Long>> next = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT s.partId, s.successorId FROM SupersessionEntity s WHERE s.endedAt IS"
                + " NULL AND s.kind IN ('REPLACED', 'KIT') AND s.effectiveFrom <= :d", Object[].class)
                .setParameter("d", day).getResultList()) {
            next.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]);
        }
        if (next.isEmpty()) {
            return consumed;
        }
        Map<Long, BigDecimal> out = new HashMap<>();
        consumed.forEach((part, value) -> {
            for (Long last : lastSuccessors(part, next)) {
                out.merge(last, value, BigDecimal::add);
            }
            if (next.containsKey(part)) {
                out.putIfAbsent(part, BigDecimal.ZERO);
            }
        });
        return out;
    }

    /** The parts at the end of a part's supersession chains (the part itself when not superseded). */
    private static java.util.Set<Long> lastSuccessors(long part, Map<Long, List<Long>> next) {
        java.util.Set<Long> ends = new java.util.LinkedHashSet<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Deque<Long> todo = new java.util.ArrayDeque<>(List.of(part));
        while (!todo.isEmpty() && seen.size() < 1000) { // the catalogue refuses cycles; the bound is a last guard
            Long p = todo.poll();
            if (!seen.add(p)) {
                continue;
            }
            List<Long> successors = next.get(p);
            if (successors == null) {
                ends.add(p);
            } else {
                todo.addAll(successors);
            }
        }
        return ends;
    }

    /** Batches with stock expiring on or before the day (expired included), of a warehouse or all. */
    public static List<Object[]> expiring(EntityManager em, Long warehouseId, java.time.LocalDate onOrBefore) {
        var query = em.createQuery("SELECT b.partId, b.warehouseId, b.batchNumber, b.expiresOn, b.onHand FROM"
                + " BatchEntity b WHERE b.onHand > 0 AND b.expiresOn IS NOT NULL AND b.expiresOn <= :d"
                + (warehouseId == null ? "" : " AND b.warehouseId = :w") + " ORDER BY b.expiresOn", Object[].class)
                .setParameter("d", onOrBefore);
        if (warehouseId != null) {
            query.setParameter("w", warehouseId);
        }
        return query.getResultList();
    }

    /** Number (as printed) and name of parts by id, in one query. */
    public static Map<Long, String[]> partNames(EntityManager em, java.util.Collection<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("SELECT p.id, p.number, p.name, p.batchTracked, p.decimal FROM PartEntity p"
                + " WHERE p.id IN :ids", Object[].class).setParameter("ids", List.copyOf(ids)).getResultList()) {
            out.put((Long) r[0], new String[] { (String) r[1], (String) r[2], String.valueOf(r[3]),
                    String.valueOf(r[4]) });
        }
        return out;
    }
}
