package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.parts.api.event.StockAlert;
import org.opendms.parts.api.event.StockEvent;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Posts ledger rows and moves the stock rows with them, in the caller's transaction. Every stock row (part ×
 * warehouse) a posting touches is locked first, in one order (part, then warehouse) so that two postings never wait
 * for each other in a circle; bins and batches of that part and warehouse change only under that lock. So on hand is
 * read, checked and written by one posting at a time, and the CHECK constraints of the tables are the last guard.
 * <p>
 * The purchasing and stocktake services of the parts bundles call {@link #post(EntityManager, List, Actor)} inside
 * their own transaction and {@link #tell(Posted)} after it committed.
 */
@Component(service = LedgerEngine.class)
public class LedgerEngine {

    /** The most lines a posting may have. */
    static final int MAX_LINES = 500;

    @Reference
    PartsContext ctx;

    /** A line as the parts services post it: a draft and what only they may set. */
    record Line(MovementDraft draft, String field, Long transferId, Long transitWarehouseId, BigDecimal fixedCost,
            LocalDate expiresOn) {

        static Line of(MovementDraft draft, int index) {
            return new Line(draft, "lines[" + index + "].", null, null, null, draft.expiresOn());
        }
    }

    /** What a posting did: the record for the caller and what to tell the listeners once it is committed. */
    public record Posted(Posting posting, List<StockEvent> events, List<StockAlert> alerts) {
    }

    private record Key(long partId, long warehouseId) {
    }

    /** A quantity taken from a bin (and a batch of it). */
    private record Take(long binId, BinStockEntity bin, BatchEntity batch, BigDecimal quantity) {
    }

    static String permissionFor(MovementType type) {
        return switch (type) {
        case RECEIPT -> "parts.stock.receive";
        case ISSUE, RETURN -> "parts.stock.issue";
        case TRANSFER_OUT, TRANSFER_IN -> "parts.stock.transfer";
        case ADJUSTMENT -> "parts.stock.adjust";
        case RETURN_TO_SUPPLIER -> "parts.stock.return-supplier";
        case OLD_PART_KEPT -> "parts.stock.old-part";
        };
    }

    /**
     * Checks the actor's permissions and the drafts (every wrong field at once) and posts them, all in the caller's
     * transaction; a refusal throws before anything is written, or (stock not enough) rolls back with the caller.
     */
    public Posted post(EntityManager em, List<MovementDraft> drafts, Actor actor) {
        Violations v = new Violations();
        if (drafts == null || drafts.isEmpty()) {
            throw DmsException.invalid("lines", "required", "请至少填写一行", "at least one line is required");
        }
        if (drafts.size() > MAX_LINES) {
            throw DmsException.invalid("lines", "too_many", "一次最多过账 " + MAX_LINES + " 行",
                    "at most " + MAX_LINES + " lines a posting");
        }
        Set<String> needed = new LinkedHashSet<>();
        for (MovementDraft d : drafts) {
            if (d != null && d.type() != null) {
                needed.add(permissionFor(d.type()));
            }
        }
        needed.forEach(p -> ctx.permissions.require(actor, p));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MovementDraft d = drafts.get(i);
            String f = "lines[" + i + "].";
            if (d == null || d.type() == null) {
                v.add(f + "type", "required", "请选择出入库类型", "type is required");
                continue;
            }
            if (d.type() == MovementType.TRANSFER_OUT || d.type() == MovementType.TRANSFER_IN) {
                v.add(f + "type", "transfer.use_transfers", "调拨请使用调拨单（发出与接收）",
                        "transfers are sent and received as transfers");
                continue;
            }
            lines.add(Line.of(d, i));
        }
        v.throwIfAny();
        return apply(em, lines, actor);
    }

    /** Validates and posts lines the parts services built (transfers included). */
    Posted apply(EntityManager em, List<Line> lines, Actor actor) {
        LocalDate today = ctx.clock.today();
        Violations v = new Violations();
        Map<Long, PartEntity> parts = new HashMap<>();
        Map<Long, WarehouseEntity> warehouses = new HashMap<>();
        List<MovementDraft> checked = new ArrayList<>();
        for (Line line : lines) {
            checked.add(validate(em, line, today, parts, warehouses, v));
        }
        v.throwIfAny();

        // the posting's own row first: its insert need not wait for the stock locks, which are held until commit
        Instant now = ctx.clock.now();
        PostingEntity posting = new PostingEntity();
        posting.username = actor.username();
        posting.postedAt = Stored.utc(now);
        em.persist(posting);
        em.flush();
        // its audit entry too: what was asked, line by line (the ledger rows themselves say which bins and batches)
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < checked.size(); i++) {
            MovementDraft d = checked.get(i);
            summary.append(i == 0 ? "" : "; ").append(d.type()).append(' ').append(parts.get(d.partId()).number)
                    .append(' ').append(Quantities.show(d.quantity())).append(" @")
                    .append(warehouses.get(d.warehouseId()).code)
                    .append(d.workOrderId() == null ? "" : " wo " + d.workOrderId() + "/" + d.lineId())
                    .append(d.reference() == null ? "" : " ref " + d.reference());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("movements", summary.toString());
        ctx.audit.record(em, actor, "stock-posting", posting.id, null, record);

        // lock every stock row the posting moves, in one order
        TreeMap<Key, StockEntity> locked = new TreeMap<>(
                Comparator.comparingLong(Key::partId).thenComparingLong(Key::warehouseId));
        for (Line line : lines) {
            locked.put(new Key(line.draft().partId(), line.draft().warehouseId()), null);
            if (line.transitWarehouseId() != null) {
                locked.put(new Key(line.draft().partId(), line.transitWarehouseId()), null);
            }
        }
        Map<Key, BigDecimal> before = new HashMap<>();
        for (Key k : new ArrayList<>(locked.keySet())) {
            StockEntity s = lock(em, k.partId(), k.warehouseId());
            locked.put(k, s);
            before.put(k, s.onHand);
        }

        List<MovementEntity> rows = new ArrayList<>();
        List<BigDecimal> availableAfter = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            MovementDraft d = checked.get(i);
            PartEntity part = parts.get(d.partId());
            WarehouseEntity wh = warehouses.get(d.warehouseId());
            StockEntity s = locked.get(new Key(d.partId(), d.warehouseId()));
            int from = rows.size();
            switch (d.type()) {
            case RECEIPT -> in(em, posting, line, d, part, wh, s, d.unitCost(), d.batchNumber(), line.expiresOn(),
                    rows, actor, now);
            case OLD_PART_KEPT -> in(em, posting, line, d, part, wh, s, BigDecimal.ZERO, null, null, rows, actor,
                    now);
            case RETURN -> returned(em, posting, line, d, part, wh, s, rows, actor, now);
            case ISSUE -> {
                // nothing reserved in the warehouse: no line's reservation to consume, one round trip fewer under the lock
                ReservationEntity r = s.reserved.signum() == 0 ? null
                        : reservation(em, d.workOrderId(), d.lineId(), d.warehouseId());
                BigDecimal lineReserved = r == null ? BigDecimal.ZERO : r.quantity;
                BigDecimal free = s.onHand.subtract(s.reserved.subtract(lineReserved));
                if (d.quantity().compareTo(free) > 0) {
                    throw insufficient(line, part, wh, s, d.quantity(), lineReserved);
                }
                out(em, posting, line, d, part, wh, s, true, rows, actor, now);
                if (r != null && r.quantity.signum() > 0) {
                    BigDecimal consumed = r.quantity.min(d.quantity());
                    r.quantity = r.quantity.subtract(consumed);
                    s.reserved = s.reserved.subtract(consumed);
                }
            }
            case RETURN_TO_SUPPLIER -> {
                if (d.quantity().compareTo(s.onHand.subtract(s.reserved)) > 0) {
                    throw insufficient(line, part, wh, s, d.quantity(), BigDecimal.ZERO);
                }
                out(em, posting, line, d, part, wh, s, false, rows, actor, now);
            }
            case ADJUSTMENT -> {
                if (d.quantity().signum() > 0) {
                    BigDecimal cost = d.unitCost() != null ? d.unitCost() : s.averageCost;
                    in(em, posting, line, d, part, wh, s, cost, d.batchNumber(), line.expiresOn(), rows, actor,
                            now);
                } else {
                    MovementDraft loss = withQuantity(d, d.quantity().negate());
                    if (loss.quantity().compareTo(s.onHand) > 0) {
                        throw insufficient(line, part, wh, s, loss.quantity(), s.reserved);
                    }
                    out(em, posting, line, loss, part, wh, s, false, rows, actor, now);
                }
            }
            case TRANSFER_OUT -> {
                if (d.quantity().compareTo(s.onHand.subtract(s.reserved)) > 0) {
                    throw insufficient(line, part, wh, s, d.quantity(), BigDecimal.ZERO);
                }
                int first = rows.size();
                out(em, posting, line, d, part, wh, s, true, rows, actor, now);
                StockEntity to = locked.get(new Key(d.partId(), line.transitWarehouseId()));
                to.inTransit = to.inTransit.add(d.quantity());
                for (MovementEntity m : rows.subList(first, rows.size())) {
                    TransferLineEntity t = new TransferLineEntity();
                    t.transferId = line.transferId();
                    t.partId = m.partId;
                    t.quantity = m.quantity.negate();
                    t.unitCost = m.unitCost;
                    t.batchNumber = m.batchNumber;
                    t.expiresOn = m.batchNumber == null ? null : expiry(em, m);
                    em.persist(t);
                }
            }
            case TRANSFER_IN -> {
                in(em, posting, line, d, part, wh, s, line.fixedCost(), d.batchNumber(), line.expiresOn(), rows,
                        actor, now);
                s.inTransit = s.inTransit.subtract(d.quantity()).max(BigDecimal.ZERO.setScale(2));
            }
            }
            s.lastMovementAt = Stored.utc(now);
            s.version++;
            for (int j = from; j < rows.size(); j++) {
                availableAfter.add(s.onHand.subtract(s.reserved));
            }
        }
        em.flush();

        boolean costs = ctx.seesCost(actor);
        List<StockMovement> movements = new ArrayList<>();
        List<StockEvent> events = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MovementEntity m = rows.get(i);
            String number = parts.get(m.partId).number;
            movements.add(Records.movement(m, number, costs));
            events.add(new StockEvent(m.id, m.postingId, m.movementType, m.partId, number, m.warehouseId, m.binId,
                    m.quantity, m.onHandAfter, availableAfter.get(i), m.workOrderId, m.lineId, m.transferId,
                    m.reference, m.username, now));
        }
        List<StockAlert> alerts = new ArrayList<>();
        locked.forEach((k, s) -> {
            BigDecimal was = before.get(k);
            if (s.minimum != null && was.compareTo(s.minimum) >= 0 && s.onHand.compareTo(s.minimum) < 0) {
                alerts.add(new StockAlert(k.partId(), parts.get(k.partId()).number, k.warehouseId(), s.onHand,
                        s.onHand.subtract(s.reserved), s.minimum, s.reorderPoint, now));
            }
        });
        return new Posted(new Posting(posting.id, movements, actor.username(), now), events, alerts);
    }

    /** Tells the listeners of a committed posting: each row to its method and to {@code moved}, then the alerts. */
    public void tell(Posted posted) {
        for (StockEvent e : posted.events()) {
            String about = "stock movement " + e.movementId();
            switch (MovementType.valueOf(e.type())) {
            case RECEIPT -> ctx.tell(PartsListener::received, e, about);
            case ISSUE -> ctx.tell(PartsListener::issued, e, about);
            case RETURN -> ctx.tell(PartsListener::returned, e, about);
            case TRANSFER_OUT, TRANSFER_IN -> ctx.tell(PartsListener::transferred, e, about);
            case ADJUSTMENT -> ctx.tell(PartsListener::adjusted, e, about);
            case RETURN_TO_SUPPLIER, OLD_PART_KEPT -> ctx.tell(PartsListener::otherMovement, e, about);
            }
            ctx.tell(PartsListener::moved, e, about);
        }
        for (StockAlert a : posted.alerts()) {
            ctx.tell(PartsListener::belowMinimum, a, "part " + a.partId() + " in warehouse " + a.warehouseId());
        }
    }

    /** The stock row of a part in a warehouse, locked until the transaction ends; made on its first movement. */
    static StockEntity lock(EntityManager em, long partId, long warehouseId) {
        List<StockEntity> found = em
                .createQuery("SELECT s FROM StockEntity s WHERE s.partId = :p AND s.warehouseId = :w",
                        StockEntity.class)
                .setParameter("p", partId).setParameter("w", warehouseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        StockEntity s = new StockEntity();
        s.partId = partId;
        s.warehouseId = warehouseId;
        s.onHand = BigDecimal.ZERO.setScale(2);
        s.reserved = BigDecimal.ZERO.setScale(2);
        s.inTransit = BigDecimal.ZERO.setScale(2);
        s.averageCost = BigDecimal.ZERO.setScale(4);
        em.persist(s);
        em.flush(); // a second writer creating the same row fails here (uq_pt_stock) and runs again
        return s;
    }

    static ReservationEntity reservation(EntityManager em, Long workOrderId, Long lineId, long warehouseId) {
        List<ReservationEntity> found = em.createQuery("SELECT r FROM ReservationEntity r WHERE r.workOrderId = :o"
                + " AND r.lineId = :l AND r.warehouseId = :w", ReservationEntity.class)
                .setParameter("o", workOrderId).setParameter("l", lineId).setParameter("w", warehouseId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    // ---- validation ----

    private MovementDraft validate(EntityManager em, Line line, LocalDate today, Map<Long, PartEntity> parts,
            Map<Long, WarehouseEntity> warehouses, Violations v) {
        MovementDraft d = line.draft();
        String f = line.field();
        MovementType type = d.type();
        PartEntity part = parts.computeIfAbsent(d.partId(), id -> em.find(PartEntity.class, id));
        if (part == null) {
            parts.remove(d.partId());
            v.add(f + "partId", "not_found", "配件 " + d.partId() + " 不存在", "part " + d.partId() + " does not exist");
        } else if (!part.active && (type == MovementType.RECEIPT || type == MovementType.ISSUE
                || type == MovementType.OLD_PART_KEPT || type == MovementType.TRANSFER_OUT)) {
            v.add(f + "partId", "part.inactive", "配件 " + part.number + " 已停用，不能" + typeZh(type),
                    "part " + part.number + " is withdrawn from the catalogue");
        }
        WarehouseEntity wh = warehouses.computeIfAbsent(d.warehouseId(), id -> em.find(WarehouseEntity.class, id));
        if (wh == null) {
            warehouses.remove(d.warehouseId());
            v.add(f + "warehouseId", "not_found", "仓库 " + d.warehouseId() + " 不存在",
                    "warehouse " + d.warehouseId() + " does not exist");
        } else {
            boolean oldParts = WarehouseKind.OLD_PARTS.name().equals(wh.kind);
            if (!wh.active) {
                v.add(f + "warehouseId", "warehouse.inactive", "仓库 " + wh.code + " 已停用",
                        "warehouse " + wh.code + " is inactive");
            } else if (type == MovementType.OLD_PART_KEPT && !oldParts) {
                v.add(f + "warehouseId", "warehouse.not_old_parts", "旧件只能存入旧件库，仓库 " + wh.code + " 不是旧件库",
                        "old parts are kept in an old-parts warehouse; " + wh.code + " is not one");
            } else if (oldParts && (type == MovementType.RECEIPT || type == MovementType.ISSUE
                    || type == MovementType.RETURN || type == MovementType.TRANSFER_OUT
                    || type == MovementType.TRANSFER_IN)) {
                v.add(f + "warehouseId", "warehouse.old_parts", "旧件库 " + wh.code + " 不能" + typeZh(type),
                        "the old-parts warehouse " + wh.code + " takes no " + type);
            }
        }
        if (d.binId() != null && wh != null) {
            BinEntity bin = em.find(BinEntity.class, d.binId());
            if (bin == null || bin.warehouseId != wh.id) {
                v.add(f + "binId", "bin.unknown", "库位 " + d.binId() + " 不属于仓库 " + wh.code,
                        "bin " + d.binId() + " is not a bin of warehouse " + wh.code);
            } else if (!bin.active && isIn(type, d)) {
                v.add(f + "binId", "bin.inactive", "库位 " + bin.code + " 已停用", "bin " + bin.code + " is inactive");
            }
        }
        boolean decimal = part == null || part.decimal;
        BigDecimal q = Quantities.quantity(v, f + "quantity", d.quantity(), type == MovementType.ADJUSTMENT, decimal);
        BigDecimal cost = null;
        if (type == MovementType.RECEIPT && d.unitCost() == null) {
            v.add(f + "unitCost", "required", "入库请填写单位成本（不含税）", "a receipt needs its unit cost (without tax)");
        } else if (d.unitCost() != null) {
            if (type == MovementType.RECEIPT || type == MovementType.ADJUSTMENT && d.quantity() != null
                    && d.quantity().signum() > 0) {
                cost = Quantities.unitCost(v, f + "unitCost", d.unitCost());
            } else {
                v.add(f + "unitCost", "not_allowed", typeZh(type) + "按移动平均成本计价，不能指定成本",
                        "a " + type + " moves at the average cost; leave unitCost out");
            }
        }
        String batch = Quantities.text(d.batchNumber());
        if (part != null) {
            if (!part.batchTracked && batch != null) {
                v.add(f + "batchNumber", "batch.not_tracked", "配件 " + part.number + " 不按批次管理",
                        "part " + part.number + " is not kept in batches");
            } else if (part.batchTracked && batch == null && (type == MovementType.RECEIPT
                    || type == MovementType.ADJUSTMENT && q != null && q.signum() > 0)) {
                v.add(f + "batchNumber", "required", "配件 " + part.number + " 按批次管理，请填写批次号",
                        "part " + part.number + " is kept in batches: batchNumber is required");
            }
        }
        v.maxLength(f + "batchNumber", batch, 40);
        if (type == MovementType.RECEIPT && line.expiresOn() != null && line.expiresOn().isBefore(today)) {
            v.add(f + "expiresOn", "batch.expired", "该批次已过期（" + line.expiresOn() + "），不能入库",
                    "the batch expired on " + line.expiresOn() + " and is not received");
        }
        boolean needsLine = type == MovementType.ISSUE || type == MovementType.RETURN
                || type == MovementType.OLD_PART_KEPT;
        if (needsLine && d.workOrderId() == null) {
            v.add(f + "workOrderId", "required", "请填写工单", "workOrderId is required");
        }
        if (needsLine && d.lineId() == null) {
            v.add(f + "lineId", "required", "请填写工单配件行", "lineId is required");
        }
        String reason = Quantities.text(d.reason());
        if ((type == MovementType.ADJUSTMENT || type == MovementType.RETURN_TO_SUPPLIER) && reason == null) {
            v.add(f + "reason", "required", "请填写原因", "reason is required");
        }
        v.maxLength(f + "reason", reason, 200);
        String reference = Quantities.text(d.reference());
        v.maxLength(f + "reference", reference, 40);
        return new MovementDraft(type, d.partId(), d.warehouseId(),
                d.binId() == null && wh != null && isIn(type, d) ? wh.defaultBinId : d.binId(), q, cost, batch,
                d.expiresOn(), d.workOrderId(), d.lineId(), reference, reason);
    }

    private static boolean isIn(MovementType type, MovementDraft d) {
        return switch (type) {
        case RECEIPT, RETURN, TRANSFER_IN, OLD_PART_KEPT -> true;
        case ADJUSTMENT -> d.quantity() != null && d.quantity().signum() > 0;
        default -> false;
        };
    }

    static String typeZh(MovementType type) {
        return switch (type) {
        case RECEIPT -> "入库";
        case ISSUE -> "领料";
        case RETURN -> "退料";
        case TRANSFER_OUT -> "调拨出库";
        case TRANSFER_IN -> "调拨入库";
        case ADJUSTMENT -> "盘点调整";
        case RETURN_TO_SUPPLIER -> "退供应商";
        case OLD_PART_KEPT -> "旧件入库";
        };
    }

    // ---- movements ----

    private void in(EntityManager em, PostingEntity posting, Line line, MovementDraft d, PartEntity part,
            WarehouseEntity wh, StockEntity s, BigDecimal unitCost, String batch, LocalDate expiresOn,
            List<MovementEntity> rows, Actor actor, Instant now) {
        BigDecimal q = d.quantity();
        long binId = d.binId() != null ? d.binId() : wh.defaultBinId;
        s.averageCost = Quantities.average(s.onHand, s.averageCost, q, unitCost);
        s.onHand = s.onHand.add(q);
        BinStockEntity b = binRow(em, part.id, wh.id, binId);
        b.onHand = b.onHand.add(q);
        if (batch != null) {
            BatchEntity e = batchRow(em, part.id, wh.id, binId, batch, expiresOn);
            e.onHand = e.onHand.add(q);
        }
        rows.add(row(em, posting, d, line, part, s, binId, batch, q, unitCost, actor, now));
    }

    private void returned(EntityManager em, PostingEntity posting, Line line, MovementDraft d, PartEntity part,
            WarehouseEntity wh, StockEntity s, List<MovementEntity> rows, Actor actor, Instant now) {
        Object[] net = em.createQuery("SELECT SUM(m.quantity), SUM(m.moveValue) FROM MovementEntity m"
                + " WHERE m.workOrderId = :o AND m.lineId = :l AND m.partId = :p AND m.movementType IN ('ISSUE', 'RETURN')",
                Object[].class).setParameter("o", d.workOrderId()).setParameter("l", d.lineId())
                .setParameter("p", d.partId()).getSingleResult();
        BigDecimal issued = net[0] == null ? BigDecimal.ZERO : ((BigDecimal) net[0]).negate();
        BigDecimal value = net[1] == null ? BigDecimal.ZERO : ((BigDecimal) net[1]).negate();
        if (d.quantity().compareTo(issued) > 0) {
            throw DmsException.conflict(line.field() + "quantity", "return.exceeds_issued",
                    "退料数量 " + Quantities.show(d.quantity()) + " 超过该工单行已领数量 " + Quantities.show(issued),
                    "the return of " + Quantities.show(d.quantity()) + " is more than the line got ("
                            + Quantities.show(issued) + ")");
        }
        BigDecimal cost = value.divide(issued, 4, RoundingMode.HALF_UP);
        String batch = d.batchNumber();
        LocalDate expiry = null;
        if (part.batchTracked && batch == null) {
            List<String> last = em.createQuery("SELECT m.batchNumber FROM MovementEntity m WHERE m.workOrderId = :o"
                    + " AND m.lineId = :l AND m.partId = :p AND m.movementType = 'ISSUE' ORDER BY m.id DESC",
                    String.class)
                    .setParameter("o", d.workOrderId()).setParameter("l", d.lineId()).setParameter("p", d.partId())
                    .setMaxResults(1).getResultList();
            batch = last.isEmpty() ? null : last.get(0);
        }
        if (batch != null) {
            List<LocalDate> known = em.createQuery("SELECT b.expiresOn FROM BatchEntity b WHERE b.partId = :p"
                    + " AND b.batchNumber = :n", LocalDate.class).setParameter("p", d.partId())
                    .setParameter("n", batch).setMaxResults(1).getResultList();
            expiry = known.isEmpty() ? null : known.get(0);
        }
        in(em, posting, line, d, part, wh, s, cost, batch, expiry, rows, actor, now);
    }

    /** Takes the quantity out of the bins (batch-tracked: first expiry first), one ledger row per bin or batch. */
    private void out(EntityManager em, PostingEntity posting, Line line, MovementDraft d, PartEntity part,
            WarehouseEntity wh, StockEntity s, boolean refuseExpired, List<MovementEntity> rows, Actor actor,
            Instant now) {
        List<Take> takes = allocate(em, line, d, part, wh, refuseExpired);
        BigDecimal cost = s.averageCost;
        for (Take t : takes) {
            s.onHand = s.onHand.subtract(t.quantity());
            BinStockEntity b = t.bin() != null ? t.bin() : binRow(em, part.id, wh.id, t.binId());
            b.onHand = b.onHand.subtract(t.quantity());
            if (t.batch() != null) {
                t.batch().onHand = t.batch().onHand.subtract(t.quantity());
            }
            rows.add(row(em, posting, d, line, part, s, t.binId(), t.batch() == null ? null : t.batch().batchNumber,
                    t.quantity().negate(), cost, actor, now));
        }
    }

    private List<Take> allocate(EntityManager em, Line line, MovementDraft d, PartEntity part, WarehouseEntity wh,
            boolean refuseExpired) {
        LocalDate today = ctx.clock.today();
        BigDecimal left = d.quantity();
        List<Take> takes = new ArrayList<>();
        if (part.batchTracked) {
            TypedQuery<BatchEntity> query = em.createQuery("SELECT b FROM BatchEntity b WHERE b.partId = :p"
                    + " AND b.warehouseId = :w AND b.onHand > 0" + (d.binId() == null ? "" : " AND b.binId = :b")
                    + (d.batchNumber() == null ? "" : " AND b.batchNumber = :n"), BatchEntity.class)
                    .setParameter("p", part.id).setParameter("w", wh.id);
            if (d.binId() != null) {
                query.setParameter("b", d.binId());
            }
            if (d.batchNumber() != null) {
                query.setParameter("n", d.batchNumber());
            }
            List<BatchEntity> batches = new ArrayList<>(query.getResultList());
            batches.sort(Comparator.comparing((BatchEntity b) -> b.expiresOn,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(b -> b.id));
            BigDecimal expired = BigDecimal.ZERO;
            for (BatchEntity b : batches) {
                if (left.signum() == 0) {
                    break;
                }
                if (refuseExpired && b.expiresOn != null && b.expiresOn.isBefore(today)) {
                    expired = expired.add(b.onHand);
                    continue;
                }
                BigDecimal q = left.min(b.onHand);
                takes.add(new Take(b.binId, null, b, q));
                left = left.subtract(q);
            }
            if (left.signum() > 0) {
                if (expired.compareTo(left) >= 0) {
                    throw DmsException.conflict(line.field() + "quantity", "batch.expired",
                            "配件 " + part.number + " 在仓库 " + wh.code + " 的未过期库存不够，过期批次不能发出（过期 "
                                    + Quantities.show(expired) + "）",
                            "part " + part.number + " in " + wh.code + " has not enough unexpired stock; expired"
                                    + " batches (" + Quantities.show(expired) + ") are not issued");
                }
                throw notInBins(line, part, wh, d);
            }
            return takes;
        }
        TypedQuery<BinStockEntity> query = em.createQuery("SELECT b FROM BinStockEntity b WHERE b.partId = :p"
                + " AND b.warehouseId = :w AND b.onHand > 0" + (d.binId() == null ? "" : " AND b.binId = :b")
                + " ORDER BY b.binId", BinStockEntity.class).setParameter("p", part.id).setParameter("w", wh.id);
        if (d.binId() != null) {
            query.setParameter("b", d.binId());
        }
        List<BinStockEntity> bins = query.getResultList();
        for (BinStockEntity b : bins) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal q = left.min(b.onHand);
            takes.add(new Take(b.binId, b, null, q));
            left = left.subtract(q);
        }
        if (left.signum() > 0) {
            throw notInBins(line, part, wh, d);
        }
        return takes;
    }

    private static DmsException notInBins(Line line, PartEntity part, WarehouseEntity wh, MovementDraft d) {
        String where = d.binId() == null ? "" : "该库位";
        return DmsException.conflict(line.field() + "quantity", "stock.insufficient",
                "配件 " + part.number + " 在仓库 " + wh.code + where + (d.batchNumber() == null ? "" : "批次 "
                        + d.batchNumber()) + " 的库存不够 " + Quantities.show(d.quantity()),
                "part " + part.number + " in " + wh.code + (d.binId() == null ? "" : " (that bin)")
                        + (d.batchNumber() == null ? "" : " batch " + d.batchNumber()) + " has less than "
                        + Quantities.show(d.quantity()));
    }

    private static DmsException insufficient(Line line, PartEntity part, WarehouseEntity wh, StockEntity s,
            BigDecimal wanted, BigDecimal ownReserved) {
        BigDecimal others = s.reserved.subtract(ownReserved);
        BigDecimal free = s.onHand.subtract(others).max(BigDecimal.ZERO);
        return DmsException.conflict(line.field() + "quantity", "stock.insufficient",
                "配件 " + part.number + " 在仓库 " + wh.code + " 可用 " + Quantities.show(free) + "（在库 "
                        + Quantities.show(s.onHand) + "，其他工单预留 " + Quantities.show(others) + "），不够 "
                        + Quantities.show(wanted),
                "part " + part.number + " in " + wh.code + " has " + Quantities.show(free) + " available (on hand "
                        + Quantities.show(s.onHand) + ", reserved for others " + Quantities.show(others)
                        + "), less than " + Quantities.show(wanted));
    }

    private static MovementDraft withQuantity(MovementDraft d, BigDecimal q) {
        return new MovementDraft(d.type(), d.partId(), d.warehouseId(), d.binId(), q, d.unitCost(), d.batchNumber(),
                d.expiresOn(), d.workOrderId(), d.lineId(), d.reference(), d.reason());
    }

    private static LocalDate expiry(EntityManager em, MovementEntity m) {
        List<LocalDate> found = em.createQuery("SELECT b.expiresOn FROM BatchEntity b WHERE b.partId = :p"
                + " AND b.binId = :b AND b.batchNumber = :n", LocalDate.class).setParameter("p", m.partId)
                .setParameter("b", m.binId).setParameter("n", m.batchNumber).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static BinStockEntity binRow(EntityManager em, long partId, long warehouseId, long binId) {
        List<BinStockEntity> found = em.createQuery("SELECT b FROM BinStockEntity b WHERE b.partId = :p"
                + " AND b.binId = :b", BinStockEntity.class).setParameter("p", partId).setParameter("b", binId)
                .getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        BinStockEntity b = new BinStockEntity();
        b.partId = partId;
        b.warehouseId = warehouseId;
        b.binId = binId;
        b.onHand = BigDecimal.ZERO.setScale(2);
        em.persist(b);
        return b;
    }

    private static BatchEntity batchRow(EntityManager em, long partId, long warehouseId, long binId, String batch,
            LocalDate expiresOn) {
        List<BatchEntity> found = em.createQuery("SELECT b FROM BatchEntity b WHERE b.partId = :p"
                + " AND b.binId = :b AND b.batchNumber = :n", BatchEntity.class).setParameter("p", partId)
                .setParameter("b", binId).setParameter("n", batch).getResultList();
        if (!found.isEmpty()) {
            BatchEntity e = found.get(0);
            if (e.expiresOn == null && expiresOn != null) {
                e.expiresOn = expiresOn;
            }
            return e;
        }
        BatchEntity e = new BatchEntity();
        e.partId = partId;
        e.warehouseId = warehouseId;
        e.binId = binId;
        e.batchNumber = batch;
        e.expiresOn = expiresOn;
        e.onHand = BigDecimal.ZERO.setScale(2);
        em.persist(e);
        return e;
    }

    private static MovementEntity row(EntityManager em, PostingEntity posting, MovementDraft d, Line line,
            PartEntity part, StockEntity s, long binId, String batch, BigDecimal signedQuantity, BigDecimal unitCost,
            Actor actor, Instant now) {
        MovementEntity m = new MovementEntity();
        m.postingId = posting.id;
        m.movementType = d.type().name();
        m.partId = part.id;
        m.warehouseId = s.warehouseId;
        m.binId = binId;
        m.batchNumber = batch;
        m.quantity = signedQuantity;
        m.unitCost = Quantities.cost(unitCost);
        m.moveValue = Quantities.value(signedQuantity, m.unitCost);
        m.onHandAfter = s.onHand;
        m.averageCostAfter = s.averageCost;
        m.workOrderId = d.workOrderId();
        m.lineId = d.lineId();
        m.transferId = line.transferId();
        m.reference = d.reference();
        m.reason = d.reason();
        m.username = actor.username();
        m.movedAt = Stored.utc(now);
        em.persist(m);
        return m;
    }

    /** The signed quantity a ledger query sums, for callers that need the figure without the rows. */
    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static LocalDateTime utc(Instant at) {
        return Stored.utc(at);
    }
}
