package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrderDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderLine;
import org.opendms.parts.api.purchasing.PurchaseOrderLineDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderQuery;
import org.opendms.parts.api.purchasing.PurchaseOrderStatus;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.parts.api.purchasing.PurchasingEvent;
import org.opendms.parts.api.purchasing.PurchasingListener;
import org.opendms.parts.api.purchasing.Receipt;
import org.opendms.parts.api.purchasing.ReceiptDraft;
import org.opendms.parts.api.purchasing.ReceiptLine;
import org.opendms.parts.api.purchasing.ReceiptLineDraft;
import org.opendms.parts.api.purchasing.Supplier;
import org.opendms.parts.api.purchasing.SupplierGateway;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purchase orders and receipts on JPA. A receipt locks its order row, checks every line, posts all of them to the
 * ledger in one posting that joins this transaction, and updates the order: a refusal or failure anywhere rolls all of
 * it back.
 */
@Component(service = { PurchaseOrders.class, JpaPurchaseOrders.class })
public class JpaPurchaseOrders implements PurchaseOrders {

    private static final Logger LOG = LoggerFactory.getLogger(JpaPurchaseOrders.class);
    static final int LINES_MAX = 500;
    static final Set<PurchaseOrderStatus> OPEN = EnumSet.of(PurchaseOrderStatus.SENT,
            PurchaseOrderStatus.PARTLY_RECEIVED);

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    @Reference
    AuditTrail audit;

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    StockLedger ledger;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<PurchasingListener> listeners = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<SupplierGateway> gateways = List.of();

    @Override
    public PurchaseOrder create(PurchaseOrderDraft draft, Actor actor) {
        permissions.require(actor, "parts.po.edit");
        ValidOrder valid = check(draft);
        LocalDate today = clock.today();
        PurchaseOrder created = DocumentNumbers.write(jpa, () -> jpa.txExpr(em -> {
            SupplierEntity s = activeSupplier(em, valid.supplierId);
            List<PurchaseOrderLineEntity> lines = priced(em, s.id, valid.lines, today);
            PurchaseOrderEntity e = new PurchaseOrderEntity();
            e.number = DocumentNumbers.next(em, "PO", today);
            e.supplierId = s.id;
            e.warehouseId = valid.warehouseId;
            e.status = PurchaseOrderStatus.DRAFT;
            e.expectedDate = valid.expectedDate;
            e.note = valid.note;
            e.urgent = valid.urgent;
            e.lines.addAll(lines);
            lines.forEach(l -> l.order = e);
            e.total = total(e.lines);
            e.created(clock.now(), actor);
            em.persist(e);
            em.flush();
            PurchaseOrder after = toOrder(e, s);
            audit.record(em, actor, "purchase-order", e.id, null, after);
            return after;
        }));
        tell(PurchasingListener::created, created, null, actor);
        return created;
    }

    @Override
    public PurchaseOrder update(long id, long expectedVersion, PurchaseOrderDraft draft, Actor actor) {
        permissions.require(actor, "parts.po.edit");
        ValidOrder valid = check(draft);
        LocalDate today = clock.today();
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            PurchaseOrderEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "采购单", "the purchase order");
            requireStatus(e, EnumSet.of(PurchaseOrderStatus.DRAFT), "修改", "changed");
            PurchaseOrder before = toOrder(e, JpaSuppliers.find(em, e.supplierId));
            SupplierEntity s = activeSupplier(em, valid.supplierId);
            List<PurchaseOrderLineEntity> lines = priced(em, s.id, valid.lines, today);
            e.supplierId = s.id;
            e.warehouseId = valid.warehouseId;
            e.expectedDate = valid.expectedDate;
            e.note = valid.note;
            e.urgent = valid.urgent;
            e.lines.clear();
            e.lines.addAll(lines);
            lines.forEach(l -> l.order = e);
            e.total = total(e.lines);
            e.updated(clock.now(), actor);
            em.flush();
            PurchaseOrder after = toOrder(e, s);
            audit.record(em, actor, "purchase-order", id, before, after);
            return after;
        }));
    }

    @Override
    public PurchaseOrder get(long id) {
        return jpa.txExpr(em -> {
            PurchaseOrderEntity e = find(em, id);
            return toOrder(e, JpaSuppliers.find(em, e.supplierId));
        });
    }

    @Override
    public Page<PurchaseOrder> search(PurchaseOrderQuery query, PageRequest page) {
        PurchaseOrderQuery q = query == null ? new PurchaseOrderQuery(null, null, null, null, null) : query;
        PagedSearch<PurchaseOrderEntity> search = PagedSearch.of(PurchaseOrderEntity.class, "o");
        if (q.supplierId() != null) {
            search.where("o.supplierId = :supplier", "supplier", q.supplierId());
        }
        if (q.warehouseId() != null) {
            search.where("o.warehouseId = :warehouse", "warehouse", q.warehouseId());
        }
        if (q.status() != null) {
            search.where("o.status = :status", "status", q.status());
        }
        if (Boolean.TRUE.equals(q.open())) {
            search.where("o.status IN :open", "open", List.copyOf(OPEN));
        }
        if (q.number() != null && !q.number().isBlank() && q.number().length() <= 40) {
            search.where("o.number LIKE :number ESCAPE '\\'", "number",
                    Stored.containsPattern(q.number().strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return jpa.txExpr(em -> {
            Map<Long, SupplierEntity> suppliers = new HashMap<>();
            return search.page(em, "o.id DESC", page,
                    e -> toOrder(e, suppliers.computeIfAbsent(e.supplierId, s -> JpaSuppliers.find(em, s))));
        });
    }

    @Override
    public PurchaseOrder send(long id, long expectedVersion, Actor actor) {
        permissions.require(actor, "parts.po.edit");
        LocalDate today = clock.today();
        Supplier[] supplier = new Supplier[1];
        PurchaseOrder sent = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            PurchaseOrderEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "采购单", "the purchase order");
            requireStatus(e, EnumSet.of(PurchaseOrderStatus.DRAFT), "发送", "sent");
            SupplierEntity s = activeSupplier(em, e.supplierId);
            PurchaseOrder before = toOrder(e, s);
            e.status = PurchaseOrderStatus.SENT;
            e.sentAt = Stored.utc(clock.now());
            if (e.expectedDate == null) {
                e.expectedDate = today.plusDays(s.leadTimeDays);
            }
            e.updated(clock.now(), actor);
            em.flush();
            PurchaseOrder after = toOrder(e, s);
            audit.record(em, actor, "purchase-order", id, before, after);
            supplier[0] = JpaSuppliers.toSupplier(s);
            return after;
        }));
        tell(PurchasingListener::sent, sent, null, actor);
        transmit(supplier[0], sent);
        return sent;
    }

    /** Hands a sent order to the supplier's gateway, if a plugin handles the supplier; never undoes the send. */
    private void transmit(Supplier supplier, PurchaseOrder order) {
        for (SupplierGateway g : gateways) {
            try {
                if (g.handles(supplier)) {
                    String reference = g.send(supplier, order);
                    LOG.info("Purchase order {} sent to {} by {}: supplier reference {}", order.number(),
                            supplier.code(), g.getClass().getName(), reference);
                    return;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Supplier gateway {} failed on purchase order {} to {}: {}", g.getClass().getName(),
                        order.number(), supplier.code(), e.toString(), e);
                return;
            }
        }
    }

    @Override
    public PurchaseOrder cancel(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "parts.po.edit");
        String why = Checks.reason(reason);
        PurchaseOrder cancelled = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            PurchaseOrderEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "采购单", "the purchase order");
            requireStatus(e, EnumSet.of(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SENT,
                    PurchaseOrderStatus.PARTLY_RECEIVED), "取消", "cancelled");
            SupplierEntity s = JpaSuppliers.find(em, e.supplierId);
            PurchaseOrder before = toOrder(e, s);
            e.status = PurchaseOrderStatus.CANCELLED;
            e.reason = why;
            e.updated(clock.now(), actor);
            em.flush();
            PurchaseOrder after = toOrder(e, s);
            audit.record(em, actor, "purchase-order", id, before, after);
            return after;
        }));
        tell(PurchasingListener::cancelled, cancelled, null, actor);
        return cancelled;
    }

    /** A receipt line that passed the checks that need no database. */
    private record ValidReceiptLine(Long orderLineId, String partNumber, BigDecimal quantity, BigDecimal unitPrice,
            Long binId, String batchNumber, LocalDate expiryDate) {
    }

    @Override
    public Receipt receive(long id, long expectedVersion, ReceiptDraft draft, Actor actor) {
        permissions.require(actor, "parts.po.receive");
        if (draft == null || draft.lines() == null || draft.lines().isEmpty()) {
            throw DmsException.invalid("lines", "required", "请填写到货明细", "give at least one line received");
        }
        if (draft.lines().size() > LINES_MAX) {
            throw DmsException.invalid("lines", "too_many", "一次最多 " + LINES_MAX + " 行", "at most " + LINES_MAX
                    + " lines at once");
        }
        Violations v = new Violations();
        String deliveryNote = Checks.text(v, "deliveryNote", draft.deliveryNote(), 60, false);
        String note = Checks.text(v, "note", draft.note(), 1000, false);
        List<ValidReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            ReceiptLineDraft d = draft.lines().get(i);
            String f = "lines[" + i + "]";
            if (d == null) {
                v.add(f, "required", f + " 不能为空", f + " is required");
                continue;
            }
            if (d.orderLineId() == null && (d.partNumber() == null || d.partNumber().isBlank())) {
                v.add(f + ".orderLineId", "required", "请给出采购单行或零件号", "give the order line or the part number");
            }
            lines.add(new ValidReceiptLine(d.orderLineId(), d.partNumber(), Checks.quantity(v, f + ".quantity",
                    d.quantity()), Checks.price(v, f + ".unitPrice", d.unitPrice(), false), d.binId(),
                    Checks.text(v, f + ".batchNumber", d.batchNumber(), 40, false), d.expiryDate()));
        }
        v.throwIfAny();
        LocalDate today = clock.today();
        PurchaseOrder[] order = new PurchaseOrder[1];
        Receipt receipt = DocumentNumbers.write(jpa, () -> jpa.txExpr(em -> {
            PurchaseOrderEntity e = em.find(PurchaseOrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw notFound(id);
            }
            StaleVersion.check(e.version, expectedVersion, "采购单", "the purchase order");
            requireStatus(e, OPEN, "收货", "received against");
            SupplierEntity s = JpaSuppliers.find(em, e.supplierId);
            PurchaseOrder before = toOrder(e, s);
            // every line checked against the order before anything is posted
            Violations refused = new Violations();
            Map<Long, BigDecimal> receiving = new HashMap<>();
            List<PurchaseOrderLineEntity> targets = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ValidReceiptLine l = lines.get(i);
                String f = "lines[" + i + "]";
                PurchaseOrderLineEntity target = orderLine(e, l, f, refused);
                targets.add(target);
                if (target == null) {
                    continue;
                }
                BigDecimal total = receiving.merge(target.id, l.quantity, BigDecimal::add);
                BigDecimal open = target.quantity.subtract(target.received);
                if (total.compareTo(open) > 0) {
                    refused.add(f + ".quantity", "receipt.over_quantity", "到货数量超过未到数量 " + open.toPlainString()
                            + "（订购 " + target.quantity.toPlainString() + "，已到 " + target.received.toPlainString()
                            + "）",
                            "more than the open quantity " + open.toPlainString() + " (ordered "
                                    + target.quantity.toPlainString() + ", received " + target.received.toPlainString()
                                    + ")");
                }
            }
            refused.throwIfAny();
            List<MovementDraft> movements = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ValidReceiptLine l = lines.get(i);
                PurchaseOrderLineEntity target = targets.get(i);
                MovementDraft m = MovementDraft.receipt(target.partId, e.warehouseId, l.binId, l.quantity,
                        l.unitPrice == null ? target.unitPrice : l.unitPrice, e.number);
                if (l.batchNumber != null || l.expiryDate != null) {
                    m = m.inBatch(l.batchNumber, l.expiryDate);
                }
                movements.add(m);
            }
            // joins this transaction: the stock and the ledger rows commit or roll back with the order
            Posting posting = ledger.post(movements, actor);
            ReceiptEntity r = new ReceiptEntity();
            r.number = DocumentNumbers.next(em, "GR", today);
            r.orderId = e.id;
            r.deliveryNote = deliveryNote;
            r.note = note;
            r.receivedAt = Stored.utc(clock.now());
            r.receivedBy = actor.username();
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal difference = BigDecimal.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                ValidReceiptLine l = lines.get(i);
                PurchaseOrderLineEntity target = targets.get(i);
                ReceiptLineEntity rl = new ReceiptLineEntity();
                rl.receipt = r;
                rl.orderLineId = target.id;
                rl.partId = target.partId;
                rl.quantity = l.quantity;
                rl.orderedPrice = target.unitPrice;
                rl.unitPrice = l.unitPrice == null ? target.unitPrice : l.unitPrice;
                rl.priceDifference = Checks.yuan(rl.unitPrice.subtract(rl.orderedPrice).multiply(l.quantity));
                rl.batchNumber = l.batchNumber;
                StockMovement moved = movementOf(posting, i, target.partId);
                rl.binId = moved == null ? l.binId : Long.valueOf(moved.binId());
                rl.ledgerEntryId = moved == null ? posting.id() : moved.id();
                r.lines.add(rl);
                amount = amount.add(rl.unitPrice.multiply(l.quantity));
                difference = difference.add(rl.priceDifference);
                target.received = target.received.add(l.quantity);
            }
            r.amount = Checks.yuan(amount);
            r.priceDifference = Checks.yuan(difference);
            em.persist(r);
            boolean complete = e.lines.stream().allMatch(x -> x.received.compareTo(x.quantity) >= 0);
            e.status = complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTLY_RECEIVED;
            e.updated(clock.now(), actor);
            em.flush();
            PurchaseOrder after = toOrder(e, s);
            audit.record(em, actor, "purchase-order", id, before, after);
            Receipt done = toReceipt(r, e.lines);
            audit.record(em, actor, "goods-receipt", r.id, null, done);
            order[0] = after;
            return done;
        }));
        tell(PurchasingListener::received, order[0], receipt.id(), actor);
        return receipt;
    }

    /** The ledger row of draft line i: the posting keeps the draft's order (one row per receipt line). */
    private static StockMovement movementOf(Posting posting, int i, long partId) {
        List<StockMovement> rows = posting.movements();
        if (rows.size() > i && rows.get(i).partId() == partId) {
            return rows.get(i);
        }
        return rows.stream().filter(m -> m.partId() == partId).findFirst().orElse(null);
    }

    /** The order line a receipt line names: by id, or the one open line of the part number. */
    private PurchaseOrderLineEntity orderLine(PurchaseOrderEntity e, ValidReceiptLine l, String f, Violations v) {
        if (l.orderLineId != null) {
            Optional<PurchaseOrderLineEntity> found = e.lines.stream().filter(x -> x.id.equals(l.orderLineId))
                    .findFirst();
            if (found.isEmpty()) {
                v.add(f + ".orderLineId", "receipt.unknown_line", "采购单 " + e.number + " 没有行 " + l.orderLineId,
                        "purchase order " + e.number + " has no line " + l.orderLineId);
                return null;
            }
            return found.get();
        }
        Optional<Part> part = PartRefs.part(catalogue, v, f, null, l.partNumber);
        if (part.isEmpty()) {
            return null;
        }
        List<PurchaseOrderLineEntity> open = e.lines.stream()
                .filter(x -> x.partId == part.get().id() && x.received.compareTo(x.quantity) < 0).toList();
        if (open.size() != 1) {
            v.add(f + ".partNumber", open.isEmpty() ? "receipt.not_ordered" : "receipt.ambiguous",
                    open.isEmpty() ? "采购单 " + e.number + " 没有未到货的 " + part.get().number().printed()
                            : "采购单 " + e.number + " 有多行 " + part.get().number().printed() + "，请按行收货",
                    open.isEmpty() ? "purchase order " + e.number + " has no open line of "
                            + part.get().number().printed()
                            : "purchase order " + e.number + " has several lines of " + part.get().number().printed()
                                    + "; receive by line");
            return null;
        }
        return open.get(0);
    }

    @Override
    public List<Receipt> receipts(long id) {
        return jpa.txExpr(em -> {
            PurchaseOrderEntity e = find(em, id);
            return em.createQuery("SELECT r FROM ReceiptEntity r WHERE r.orderId = :o ORDER BY r.id",
                    ReceiptEntity.class).setParameter("o", id).getResultList().stream()
                    .map(r -> toReceipt(r, e.lines)).toList();
        });
    }

    /** Open quantities on order (SENT, PARTLY_RECEIVED) into a warehouse, by part. */
    Map<Long, BigDecimal> onOrder(long warehouseId) {
        return jpa.txExpr(em -> {
            Map<Long, BigDecimal> out = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT l.partId, SUM(l.quantity - l.received) FROM"
                    + " PurchaseOrderEntity o JOIN o.lines l WHERE o.warehouseId = :w AND o.status IN :s"
                    + " GROUP BY l.partId", Object[].class).setParameter("w", warehouseId)
                    .setParameter("s", List.copyOf(OPEN)).getResultList()) {
                out.put((Long) row[0], (BigDecimal) row[1]);
            }
            return out;
        });
    }

    /** Work-order lines (special orders) already on an open or draft purchase order, as workOrderId:partId. */
    Set<String> specialOrdersOnOrder(long warehouseId) {
        return jpa.txExpr(em -> new HashSet<>(em.createQuery("SELECT CONCAT(CONCAT(CAST(l.workOrderId AS CHAR(20)),"
                + " ':'), CAST(l.partId AS CHAR(20))) FROM PurchaseOrderEntity o JOIN o.lines l WHERE"
                + " o.warehouseId = :w AND l.workOrderId IS NOT NULL AND o.status <> :c", String.class)
                .setParameter("w", warehouseId).setParameter("c", PurchaseOrderStatus.CANCELLED).getResultList()));
    }

    // ---- checks and mapping

    private record ValidLine(Long partId, String partNumber, BigDecimal quantity, BigDecimal unitPrice,
            Long workOrderId, String field) {
    }

    private record ValidOrder(long supplierId, long warehouseId, LocalDate expectedDate, String note,
            List<ValidLine> lines, boolean urgent) {
    }

    private ValidOrder check(PurchaseOrderDraft d) {
        if (d == null) {
            throw DmsException.invalid("", "required", "请填写采购单", "the purchase order is required");
        }
        Violations v = new Violations();
        if (d.supplierId() == null) {
            v.add("supplierId", "required", "请选择供应商", "supplierId is required");
        }
        if (d.warehouseId() == null) {
            v.add("warehouseId", "required", "请选择收货仓库", "warehouseId is required");
        } else {
            try {
                Warehouse w = warehouses.get(d.warehouseId());
                if (!w.active()) {
                    v.add("warehouseId", "warehouse.inactive", "仓库 " + w.code() + " 已停用",
                            "warehouse " + w.code() + " is inactive");
                }
            } catch (DmsException e) {
                if (e.kind() != DmsException.Kind.NOT_FOUND) {
                    throw e;
                }
                v.add("warehouseId", "warehouse.unknown", "仓库 " + d.warehouseId() + " 不存在",
                        "warehouse " + d.warehouseId() + " does not exist");
            }
        }
        String note = Checks.text(v, "note", d.note(), 1000, false);
        if (d.expectedDate() != null && d.expectedDate().isBefore(clock.today())) {
            v.add("expectedDate", "in_past", "预计到货日期不能早于今天", "expectedDate must not be before today");
        }
        List<ValidLine> lines = new ArrayList<>();
        if (d.lines() == null || d.lines().isEmpty()) {
            v.add("lines", "required", "请至少订购一个配件", "order at least one part");
        } else if (d.lines().size() > LINES_MAX) {
            v.add("lines", "too_many", "一张采购单最多 " + LINES_MAX + " 行", "at most " + LINES_MAX + " lines");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < d.lines().size(); i++) {
                PurchaseOrderLineDraft l = d.lines().get(i);
                String f = "lines[" + i + "]";
                if (l == null) {
                    v.add(f, "required", f + " 不能为空", f + " is required");
                    continue;
                }
                Optional<Part> part = PartRefs.part(catalogue, v, f, l.partId(), l.partNumber());
                BigDecimal q = Checks.quantity(v, f + ".quantity", l.quantity());
                BigDecimal p = Checks.price(v, f + ".unitPrice", l.unitPrice(), false);
                if (part.isPresent() && !part.get().active()) {
                    v.add(f + ".partNumber", "part.inactive", "配件 " + part.get().number().printed() + " 已停用",
                            "part " + part.get().number().printed() + " is withdrawn");
                }
                if (part.isPresent() && q != null && !part.get().decimal() && q.stripTrailingZeros().scale() > 0) {
                    v.add(f + ".quantity", "whole_units", "配件 " + part.get().number().printed() + " 只能整数订购",
                            "part " + part.get().number().printed() + " is ordered in whole units");
                }
                if (part.isPresent() && !seen.add(part.get().id() + ":" + l.workOrderId())) {
                    v.add(f + ".partNumber", "duplicate", "配件 " + part.get().number().printed() + " 重复，请合并数量",
                            "part " + part.get().number().printed() + " twice; add the quantities up");
                }
                if (l.workOrderId() != null && l.workOrderId() <= 0) {
                    v.add(f + ".workOrderId", "out_of_range", "工单号不正确", "workOrderId must be positive");
                }
                part.ifPresent(x -> lines.add(new ValidLine(x.id(), x.number().printed(), q, p, l.workOrderId(), f)));
            }
        }
        v.throwIfAny();
        return new ValidOrder(d.supplierId(), d.warehouseId(), d.expectedDate(), note, lines,
                Boolean.TRUE.equals(d.urgent()));
    }

    /** The lines with their prices: the given one, else the supplier's of today (refused when it has none). */
    private static List<PurchaseOrderLineEntity> priced(EntityManager em, long supplierId, List<ValidLine> lines,
            LocalDate today) {
        Violations v = new Violations();
        List<PurchaseOrderLineEntity> out = new ArrayList<>();
        int position = 0;
        for (ValidLine l : lines) {
            BigDecimal price = l.unitPrice;
            if (price == null) {
                Optional<SupplierPriceEntity> p = JpaSuppliers.priceOn(em, supplierId, l.partId, today);
                if (p.isEmpty()) {
                    v.add(l.field + ".unitPrice", "price.unknown", "供应商没有配件 " + l.partNumber + " 的价格，请填写单价",
                            "the supplier has no price for " + l.partNumber + "; give the unit price");
                    continue;
                }
                price = p.get().unitPrice;
            }
            PurchaseOrderLineEntity e = new PurchaseOrderLineEntity();
            e.position = ++position;
            e.partId = l.partId;
            e.quantity = l.quantity;
            e.received = BigDecimal.ZERO.setScale(2);
            e.unitPrice = price;
            e.workOrderId = l.workOrderId;
            out.add(e);
        }
        v.throwIfAny();
        return out;
    }

    private static SupplierEntity activeSupplier(EntityManager em, long supplierId) {
        SupplierEntity s = em.find(SupplierEntity.class, supplierId);
        if (s == null) {
            throw DmsException.invalid("supplierId", "supplier.unknown", "供应商 " + supplierId + " 不存在",
                    "supplier " + supplierId + " does not exist");
        }
        if (!s.active) {
            throw DmsException.invalid("supplierId", "supplier.inactive", "供应商 " + s.code + " 已停用",
                    "supplier " + s.code + " is inactive");
        }
        return s;
    }

    private static BigDecimal total(List<PurchaseOrderLineEntity> lines) {
        return Checks.yuan(lines.stream().map(l -> l.quantity.multiply(l.unitPrice)).reduce(BigDecimal.ZERO,
                BigDecimal::add));
    }

    private static void requireStatus(PurchaseOrderEntity e, Set<PurchaseOrderStatus> allowed, String whatZh,
            String whatEn) {
        if (!allowed.contains(e.status)) {
            throw DmsException.conflict("status", "po.status",
                    "采购单 " + e.number + " 已是「" + e.status.chinese() + "」，不能" + whatZh,
                    "purchase order " + e.number + " is " + e.status + "; it cannot be " + whatEn);
        }
    }

    static PurchaseOrderEntity find(EntityManager em, long id) {
        PurchaseOrderEntity e = em.find(PurchaseOrderEntity.class, id);
        if (e == null) {
            throw notFound(id);
        }
        return e;
    }

    private static DmsException notFound(long id) {
        return DmsException.notFound("id", "采购单 " + id + " 不存在", "purchase order " + id + " does not exist");
    }

    PurchaseOrder toOrder(PurchaseOrderEntity e, SupplierEntity s) {
        List<PurchaseOrderLine> lines = new ArrayList<>();
        for (PurchaseOrderLineEntity l : e.lines) {
            Part p = catalogue.get(l.partId);
            lines.add(new PurchaseOrderLine(l.id == null ? 0 : l.id, l.partId, p.number().printed(), p.name(),
                    l.quantity, l.received, l.unitPrice, Checks.yuan(l.quantity.multiply(l.unitPrice)),
                    l.workOrderId));
        }
        return new PurchaseOrder(e.id, e.number, e.supplierId, s.name, e.warehouseId, e.status, e.expectedDate,
                e.note, lines, e.total, Stored.instant(e.sentAt), e.reason, e.createdAt(), e.createdBy(),
                e.updatedAt(), e.updatedBy(), e.version, e.urgent);
    }

    private Receipt toReceipt(ReceiptEntity r, List<PurchaseOrderLineEntity> orderLines) {
        List<ReceiptLine> lines = r.lines.stream().map(l -> new ReceiptLine(l.id == null ? 0 : l.id, l.orderLineId,
                l.partId, catalogue.get(l.partId).number().printed(), l.quantity, l.orderedPrice, l.unitPrice,
                l.priceDifference, l.binId, l.batchNumber, l.ledgerEntryId)).toList();
        return new Receipt(r.id, r.number, r.orderId, r.deliveryNote, r.note, lines, r.amount, r.priceDifference,
                Stored.instant(r.receivedAt), r.receivedBy);
    }

    private void tell(BiConsumer<PurchasingListener, PurchasingEvent> method, PurchaseOrder o, Long receiptId,
            Actor actor) {
        AfterCommit.tell(listeners, method, new PurchasingEvent(o.id(), o.number(), o.supplierId(), o.warehouseId(),
                o.status().name(), receiptId, actor.username(), clock.now()), "purchase order " + o.number());
    }
}
