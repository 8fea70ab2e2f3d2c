package org.opendms.parts.impl.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.Reservation;
import org.opendms.parts.api.Reservations;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.parts.api.event.StockEvent;
import org.opendms.parts.api.workorder.PartOrder;
import org.opendms.parts.api.workorder.PickBin;
import org.opendms.parts.api.workorder.PickLine;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.parts.api.workorder.WorkOrderParts;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.workorder.api.CataloguePart;
import org.opendms.workorder.api.CompletionRule;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.PartNumbers;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts for work orders: the pick list, issues and returns against part lines, parts ordered for a work order; and, as
 * the work order's hooks and listener, the part numbers a part line may name, the completion rule (approved part lines
 * issued), reservation on approval and release when a line is no longer wanted, and the arrival of an ordered part.
 * <p>
 * Issues and returns are ledger postings (the truth, committed first); the work-order line then gets its net issued
 * quantity and cost through {@link PartLines#recordIssue} with absolute figures, so a later movement repairs a line
 * that
 * missed one (the two are different persistence units, without a shared transaction).
 */
@Component(service = { WorkOrderParts.class, PartNumbers.class, CompletionRule.class, WorkOrderListener.class,
        PartsListener.class }, configurationPid = WorkOrderPartsConfig.PID)
@Designate(ocd = WorkOrderPartsConfig.class)
public class WorkOrderPartsService
        implements WorkOrderParts, PartNumbers, CompletionRule, WorkOrderListener, PartsListener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderPartsService.class);

    /** What a work-order line takes as its code (the work order's line rules). */

    private static final java.util.regex.Pattern LINE_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9._/-]{1,40}");

    static final String READ = "parts.read";
    static final String ISSUE = "parts.stock.issue";
    static final String COST_READ = "parts.cost.read";
    static final int NOTE_MAX = 200;
    static final Set<WorkOrderStatus> CLOSED = Set.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.DELIVERED,
            WorkOrderStatus.CANCELLED);

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    Catalogue catalogue;

    @Reference
    Stock stock;

    @Reference
    StockLedger ledger;

    @Reference
    Reservations reservations;

    @Reference
    Warehouses warehouses;

    /*
     * The work-order services are got on first use, not while this component is created: the work-order store asks
     * this component (its rule and listener) as it is created itself, and each getting the other then was a cycle the
     * framework logged as ten ERROR lines on some starts. The fields are what tests set.
     */
    @Reference(service = WorkOrders.class)
    ComponentServiceObjects<WorkOrders> workOrderService;
    @Reference(service = WorkOrderFlow.class)
    ComponentServiceObjects<WorkOrderFlow> flowService;
    @Reference(service = PartLines.class)
    ComponentServiceObjects<PartLines> partLineService;
    volatile WorkOrders workOrders;
    volatile WorkOrderFlow flow;
    volatile PartLines partLines;

    private WorkOrders workOrders() {
        if (workOrders == null) {
            workOrders = workOrderService.getService();
        }
        return workOrders;
    }

    private WorkOrderFlow flow() {
        if (flow == null) {
            flow = flowService.getService();
        }
        return flow;
    }

    private PartLines partLines() {
        if (partLines == null) {
            partLines = partLineService.getService();
        }
        return partLines;
    }

    volatile String warehouseCode = "";

    /** The ledger's events as the work order sees them (issues, returns, arrivals of ordered parts). */
    private final StockEvents stockEvents = new StockEvents(this);

    @Activate
    @Modified
    void configure(WorkOrderPartsConfig config) {
        warehouseCode = config.warehouse() == null ? "" : config.warehouse().strip();
    }

    // ------------------------------------------------------------------ hooks of the work order

    /**
     * A part line names an active catalogue part; the line stores the number as printed without its spaces (a line's
     * code is letters, digits and . _ / -), or the search key when the printed number holds other signs.
     */
    @Override
    public Optional<CataloguePart> find(String partNumber) {
        return catalogue.lookup(partNumber).map(PartLookup::part).filter(Part::active)
                .map(p -> new CataloguePart(lineCode(p.number()), p.name()));
    }

    static String lineCode(PartNumber number) {
        String joined = number.printed().replace(" ", "");
        return LINE_CODE.matcher(joined).matches() ? joined : number.key();
    }

    /** Every approved part line not marked not needed must have been issued in full (net of returns). */
    @Override
    public List<Violation> refusals(WorkOrder wo) {
        List<Violation> refusals = new ArrayList<>();
        for (Job job : wo.jobs()) {
            if (!job.approved() || job.declined()) {
                continue;
            }
            for (Line line : job.lines()) {
                if (line.type() != LineType.PART || line.notNeeded() != null) {
                    continue;
                }
                BigDecimal net = ledger.issuedToLine(wo.id(), line.id());
                if (net.compareTo(line.quantity()) < 0) {
                    refusals.add(new Violation("lines[" + line.id() + "]", "parts.not_issued",
                            "项目 " + job.seq() + " 的配件「" + label(line) + "」还未领料（已领 " + plain(net) + " / "
                                    + plain(line.quantity()) + "）；领料后才能完工，如不需要请标记为无需领料并写明原因",
                            "job " + job.seq() + " part '" + label(line) + "' is not issued (" + plain(net) + " of "
                                    + plain(line.quantity())
                                    + "); the work order is completed once it is, or once the line is marked not needed"
                                    + " with a reason"));
                }
            }
        }
        return refusals;
    }

    // ------------------------------------------------------------------ listener: reserve, release

    /** The customer approved a job: its part lines reserve what they still need, as much as is available. */
    @Override
    public void jobApproved(WorkOrderEvent event) {
        WorkOrder wo = workOrders().get(event.workOrderId());
        Job job = wo.job(event.jobId());
        Actor system = Actor.system();
        for (Line line : job.lines()) {
            if (line.type() != LineType.PART || line.notNeeded() != null) {
                continue;
            }
            Part part = part(line).orElse(null);
            if (part == null) {
                continue; // a special order not in the catalogue: ordered, reserved when it arrives
            }
            BigDecimal need = line.quantity().subtract(ledger.issuedToLine(wo.id(), line.id()));
            if (need.signum() <= 0) {
                continue;
            }
            long warehouseId = warehouseFor(wo.id(), line.id(), part.id(), need);
            Reservation r = reservations.reserve(part.id(), warehouseId, need, wo.id(), line.id(), true, system);
            String shortZh = r.shortfall() == null || r.shortfall().signum() == 0 ? ""
                    : "，缺 " + plain(r.shortfall()) + "（需订货）";
            String shortEn = r.shortfall() == null || r.shortfall().signum() == 0 ? ""
                    : ", " + plain(r.shortfall()) + " short (to order)";
            step(wo.id(), line.id(), PartLines.RESERVED,
                    "配件「" + label(line) + "」预留 " + plain(r.quantity()) + shortZh,
                    "part '" + label(line) + "' reserved " + plain(r.quantity()) + shortEn, system);
        }
    }

    /**
     * Any change: what a line no longer wants is released (the line removed, its job declined, the line marked not
     * needed, the work order closed).
     */
    @Override
    public void changed(WorkOrderEvent event) {
        List<Reservation> held = reservations.forWorkOrder(event.workOrderId()).stream()
                .filter(r -> r.quantity().signum() > 0).toList();
        if (held.isEmpty()) {
            return;
        }
        WorkOrder wo = workOrders().get(event.workOrderId());
        Map<Long, Line> wanted = new HashMap<>();
        if (!CLOSED.contains(wo.status())) {
            for (Job job : wo.jobs()) {
                if (job.declined()) {
                    continue;
                }
                job.lines().stream().filter(l -> l.type() == LineType.PART && l.notNeeded() == null)
                        .forEach(l -> wanted.put(l.id(), l));
            }
        }
        Actor system = Actor.system();
        for (Long lineId : held.stream().map(Reservation::lineId).distinct().toList()) {
            if (wanted.containsKey(lineId)) {
                continue;
            }
            String why = why(wo, lineId);
            List<Reservation> released = reservations.release(wo.id(), lineId, why, system);
            BigDecimal quantity = released.stream().map(Reservation::quantity).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            if (quantity.signum() > 0 && lineExists(wo, lineId)) {
                step(wo.id(), lineId, PartLines.RELEASED, "释放预留 " + plain(quantity) + "：" + why,
                        "released " + plain(quantity) + " reserved: " + why, system);
            } else if (quantity.signum() > 0) {
                step(wo.id(), null, PartLines.RELEASED, "明细 " + lineId + " 已删除，释放预留 " + plain(quantity),
                        "line " + lineId + " removed: released " + plain(quantity) + " reserved", system);
            }
        }
    }

    private static String why(WorkOrder wo, long lineId) {
        if (CLOSED.contains(wo.status())) {
            return "工单" + wo.status().zh();
        }
        for (Job job : wo.jobs()) {
            for (Line l : job.lines()) {
                if (l.id() == lineId) {
                    return job.declined() ? "客户拒绝了项目 " + job.seq() : "无需领料：" + l.notNeeded().reason();
                }
            }
        }
        return "明细已删除";
    }

    private static boolean lineExists(WorkOrder wo, long lineId) {
        return wo.jobs().stream().flatMap(j -> j.lines().stream()).anyMatch(l -> l.id() == lineId);
    }

    // ------------------------------------------------------------------ listener: the ledger's events (StockEvents)

    /** An issue to a work-order line, however posted (the pick list, /api/parts/movements): the line learns of it. */
    @Override
    public void issued(StockEvent event) {
        stockEvents.issued(event);
    }

    @Override
    public void returned(StockEvent event) {
        stockEvents.returned(event);
    }

    /** A receipt of a part ordered for work orders: each open order it fills is arrived, reserved, told. */
    @Override
    public void received(StockEvent event) {
        stockEvents.received(event);
    }

    // ------------------------------------------------------------------ the clerk's side

    @Override
    public PickList pickList(long workOrderId, Actor actor) {
        permissions.require(actor, READ);
        WorkOrder wo = workOrders().get(workOrderId);
        boolean costs = permissions.allows(actor, COST_READ);
        List<Reservation> held = reservations.forWorkOrder(workOrderId);
        Map<Long, Figures> figures = figures(workOrderId);
        Map<Long, PartOrder> orders = new HashMap<>();
        for (PartOrderEntity o : orders(workOrderId)) {
            orders.put(o.lineId, order(o)); // the latest per line
        }
        Map<Long, Warehouse> warehouseById = warehouses.list().stream()
                .collect(Collectors.toMap(Warehouse::id, w -> w));
        List<PickLine> lines = new ArrayList<>();
        for (Job job : wo.jobs()) {
            if (!job.approved() || job.declined()) {
                continue;
            }
            for (Line line : job.lines()) {
                if (line.type() != LineType.PART) {
                    continue;
                }
                Part part = part(line).orElse(null);
                Figures f = figures.getOrDefault(line.id(), Figures.NONE);
                List<Reservation> mine = held.stream().filter(r -> r.lineId() == line.id()).toList();
                BigDecimal reserved = mine.stream().map(Reservation::quantity).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                BigDecimal shortfall = mine.stream().map(r -> r.shortfall() == null ? BigDecimal.ZERO : r.shortfall())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                Long warehouseId = !mine.isEmpty() ? Long.valueOf(mine.get(0).warehouseId())
                        : f.warehouseId != null ? f.warehouseId
                                : part == null ? null : defaultWarehouse(part.id(), BigDecimal.ZERO);
                BigDecimal available = null;
                List<PickBin> bins = List.of();
                if (part != null && warehouseId != null) {
                    WarehouseStock ws = stock.ofPart(part.id(), actor).warehouses().stream()
                            .filter(w -> w.warehouseId() == warehouseId).findFirst().orElse(null);
                    if (ws != null) {
                        available = ws.available();
                        bins = ws.bins().stream().map(b -> new PickBin(b.binId(), b.binCode(), b.onHand())).toList();
                    } else {
                        available = BigDecimal.ZERO.setScale(2);
                    }
                }
                BigDecimal net = f.issued.subtract(f.returned);
                BigDecimal outstanding = line.notNeeded() != null ? BigDecimal.ZERO.setScale(2)
                        : line.quantity().subtract(net).max(BigDecimal.ZERO).setScale(2);
                PartOrder order = orders.get(line.id());
                String state = line.notNeeded() != null ? "NOT_NEEDED"
                        : outstanding.signum() == 0 ? "ISSUED"
                                : order != null && "OPEN".equals(order.status()) ? "ORDERED"
                                        : order != null ? "ARRIVED" : net.signum() > 0 ? "PARTLY_ISSUED" : "TO_ISSUE";
                Warehouse w = warehouseId == null ? null : warehouseById.get(warehouseId);
                lines.add(new PickLine(line.id(), job.id(), job.seq(), line.code(), line.description(),
                        part == null ? null : part.id(), line.specialOrder(), line.quantity(), reserved.setScale(2),
                        shortfall.setScale(2), f.issued.setScale(2), f.returned.setScale(2), outstanding,
                        costs ? f.cost.setScale(2, RoundingMode.HALF_UP) : null, warehouseId,
                        w == null ? null : w.code(), available, bins, state, order,
                        line.notNeeded() == null ? null : line.notNeeded().reason()));
            }
        }
        return new PickList(wo.id(), wo.number(), wo.plate(), wo.status().name(), lines);
    }

    @Override
    public PickList issue(long workOrderId, long lineId, BigDecimal quantity, Long binId, Actor actor) {
        permissions.require(actor, ISSUE);
        WorkOrder wo = workOrders().get(workOrderId);
        if (CLOSED.contains(wo.status())) {
            throw DmsException.conflict("workOrderId", "status.closed", "工单" + wo.status().zh() + "，不能再领料",
                    "the work order is " + wo.status() + ": nothing more is issued to it");
        }
        Job job = jobOf(wo, lineId);
        Line line = partLine(job, lineId);
        if (job.declined()) {
            throw DmsException.conflict("lineId", "line.declined", "客户已拒绝项目 " + job.seq() + "，不能领料",
                    "the customer declined job " + job.seq() + ": nothing is issued to it");
        }
        if (!job.approved()) {
            throw DmsException.conflict("lineId", "line.not_approved", "项目 " + job.seq() + " 尚未经客户确认，不能领料",
                    "job " + job.seq() + " is not approved by the customer: nothing is issued to it yet");
        }
        if (line.notNeeded() != null) {
            throw DmsException.conflict("lineId", "line.not_needed", "该配件已标记为无需领料：" + line.notNeeded().reason(),
                    "the part line is marked not needed: " + line.notNeeded().reason());
        }
        Part part = part(line).orElseThrow(() -> DmsException.conflict("lineId", "part.not_in_catalogue",
                "配件 " + line.code() + " 不在配件目录中（专订件到货入库时建档）", "part " + line.code()
                        + " is not in the catalogue (a special order is added when it is received)"));
        BigDecimal net = ledger.issuedToLine(workOrderId, lineId);
        BigDecimal amount = quantity;
        if (amount == null) {
            amount = line.quantity().subtract(net);
            if (amount.signum() <= 0) {
                throw DmsException.conflict("quantity", "line.fully_issued",
                        "该配件已全部领料（" + plain(net) + "）", "the line is fully issued (" + plain(net) + ")");
            }
        }
        long warehouseId = warehouseFor(workOrderId, lineId, part.id(), amount);
        // the work-order line learns of it from the ledger's event (issued), however the issue was posted
        ledger.post(MovementDraft.issue(part.id(), warehouseId, binId, amount, workOrderId, lineId), actor);
        return pickList(workOrderId, actor);
    }

    @Override
    public PickList returnPart(long workOrderId, long lineId, BigDecimal quantity, Long binId, String reason,
            Actor actor) {
        permissions.require(actor, ISSUE);
        WorkOrder wo = workOrders().get(workOrderId);
        Job job = jobOf(wo, lineId);
        Line line = partLine(job, lineId);
        if (quantity == null) {
            throw DmsException.invalid("quantity", "required", "请填写退料数量", "quantity is required");
        }
        String why = note("reason", reason);
        Part part = part(line).orElseThrow(() -> DmsException.conflict("lineId", "return.exceeds_issued",
                "该配件未领过料，不能退料", "nothing was issued to this line"));
        Long warehouseId = figures(workOrderId).getOrDefault(lineId, Figures.NONE).warehouseId;
        if (warehouseId == null) {
            throw DmsException.conflict("quantity", "return.exceeds_issued", "该配件未领过料，不能退料",
                    "nothing was issued to this line");
        }
        ledger.post(MovementDraft.returned(part.id(), warehouseId, binId, quantity, workOrderId, lineId, why), actor);
        return pickList(workOrderId, actor);
    }

    @Override
    public PickList order(long workOrderId, long lineId, BigDecimal quantity, String note, Actor actor) {
        permissions.require(actor, ISSUE);
        String why = note("note", note);
        WorkOrder wo = workOrders().get(workOrderId);
        if (CLOSED.contains(wo.status())) {
            throw DmsException.conflict("workOrderId", "status.closed", "工单" + wo.status().zh() + "，不再为其订货",
                    "the work order is " + wo.status() + ": nothing is ordered for it");
        }
        Job job = jobOf(wo, lineId);
        Line line = partLine(job, lineId);
        if (job.declined()) {
            throw DmsException.conflict("lineId", "line.declined", "客户已拒绝项目 " + job.seq() + "，不为其订货",
                    "the customer declined job " + job.seq() + ": nothing is ordered for it");
        }
        if (line.notNeeded() != null) {
            throw DmsException.conflict("lineId", "line.not_needed", "该配件已标记为无需领料", "the line is marked not needed");
        }
        BigDecimal amount = quantity;
        if (amount == null) {
            BigDecimal net = ledger.issuedToLine(workOrderId, lineId);
            BigDecimal reserved = reservations.forWorkOrder(workOrderId).stream().filter(r -> r.lineId() == lineId)
                    .map(Reservation::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            amount = line.quantity().subtract(net).subtract(reserved);
            if (amount.signum() <= 0) {
                throw DmsException.conflict("quantity", "order.not_needed", "该配件库存已够（已预留或已领料），无需订货",
                        "the line is covered by stock (reserved or issued): nothing to order");
            }
        } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw DmsException.invalid("quantity", "out_of_range", "订货数量必须大于 0，最多两位小数",
                    "quantity must be more than 0 with at most 2 decimals");
        }
        BigDecimal ordered = amount.setScale(2, RoundingMode.HALF_UP);
        LocalDateTime at = Stored.utc(clock.now().truncatedTo(ChronoUnit.MICROS));
        jpa.tx(em -> {
            long open = em.createQuery("SELECT COUNT(o) FROM PartOrderEntity o WHERE o.workOrderId = :w"
                    + " AND o.lineId = :l AND o.status = :s", Long.class).setParameter("w", workOrderId)
                    .setParameter("l", lineId).setParameter("s", PartOrderEntity.OPEN).getSingleResult();
            if (open > 0) {
                throw DmsException.conflict("lineId", "order.open", "该配件已订货，等待到货",
                        "the part is already ordered for this line and not yet arrived");
            }
            PartOrderEntity o = new PartOrderEntity();
            o.workOrderId = workOrderId;
            o.lineId = lineId;
            o.partNumber = line.code();
            o.partKey = PartNumber.key(line.code());
            o.quantity = ordered;
            o.note = why;
            o.status = PartOrderEntity.OPEN;
            o.orderedBy = actor.username();
            o.orderedAt = at;
            em.persist(o);
        });
        step(workOrderId, lineId, PartLines.ORDERED,
                "为工单订货：" + label(line) + " × " + plain(ordered) + (why == null ? "" : "（" + why + "）"),
                "ordered for the work order: " + label(line) + " × " + plain(ordered)
                        + (why == null ? "" : " (" + why + ")"),
                actor);
        WorkOrder now = workOrders().get(workOrderId);
        if (now.status() == WorkOrderStatus.IN_REPAIR) {
            // the work order waits for its part; the move is the system's on the clerk's word
            flow().changeStatus(now.id(), now.version(), WorkOrderStatus.WAITING, WaitReason.PARTS,
                    "配件 " + line.code() + " 已订货（" + actor.username() + "）", Actor.system());
        }
        return pickList(workOrderId, actor);
    }

    // ------------------------------------------------------------------ helpers

    /** Issued and returned per line of a work order, their net cost, and the warehouse last issued from. */
    static final class Figures {
        static final Figures NONE = new Figures();
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        Long warehouseId;
    }

    /** From the ledger rows of the work order, read with costs whoever asks (costs are left out on the way out). */
    Map<Long, Figures> figures(long workOrderId) {
        Map<Long, Figures> byLine = new HashMap<>();
        Actor reader = Actor.system();
        int page = 0;
        while (true) {
            Page<StockMovement> rows = ledger.search(LedgerQuery.ofWorkOrder(workOrderId),
                    PageRequest.of(page, PageRequest.MAX_SIZE), reader);
            for (StockMovement m : rows.items()) {
                if (m.lineId() == null || (m.type() != MovementType.ISSUE && m.type() != MovementType.RETURN)) {
                    continue;
                }
                Figures f = byLine.computeIfAbsent(m.lineId(), k -> new Figures());
                if (m.type() == MovementType.ISSUE) {
                    f.issued = f.issued.add(m.quantity().negate());
                } else {
                    f.returned = f.returned.add(m.quantity());
                }
                if (m.value() != null) {
                    f.cost = f.cost.subtract(m.value());
                }
                if (f.warehouseId == null) {
                    f.warehouseId = m.warehouseId(); // newest first
                }
            }
            if (rows.items().size() < PageRequest.MAX_SIZE) {
                return byLine;
            }
            page++;
        }
    }

    /** After an issue or return: the line gets its net issued quantity and cost, and the timeline the step. */
    void tellLine(long workOrderId, Line line, String kind, String zh, String en, Actor actor) {
        Figures f = figures(workOrderId).getOrDefault(line.id(), Figures.NONE);
        try {
            partLines().recordIssue(workOrderId, line.id(), f.issued.subtract(f.returned).max(BigDecimal.ZERO),
                    f.cost.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), kind, zh, en, actor);
        } catch (RuntimeException e) {
            // posted in the ledger already; the next movement of the line brings the work order up to date
            LOG.warn("work order {} line {} not told of {}", workOrderId, line.id(), kind, e);
        }
    }

    void step(long workOrderId, Long lineId, String kind, String zh, String en, Actor actor) {
        try {
            partLines().recordStep(workOrderId, lineId, kind, zh, en, actor);
        } catch (RuntimeException e) {
            LOG.warn("work order {} timeline: {} not recorded", workOrderId, kind, e);
        }
    }

    /** The catalogue part a line names (by its number's key), the active one of its 1:1 chain. */
    Optional<Part> part(Line line) {
        if (line.code() == null) {
            return Optional.empty();
        }
        return catalogue.lookup(line.code()).map(l -> l.part().active() ? l.part() : l.current())
                .filter(Part::active);
    }

    /** Where a line reserves or issues from: where it has a reservation, else the configured or best warehouse. */
    long warehouseFor(long workOrderId, long lineId, long partId, BigDecimal need) {
        Optional<Reservation> r = reservations.forWorkOrder(workOrderId).stream()
                .filter(x -> x.lineId() == lineId && x.quantity().signum() > 0).findFirst();
        if (r.isPresent()) {
            return r.get().warehouseId();
        }
        Long issuedFrom = figures(workOrderId).getOrDefault(lineId, Figures.NONE).warehouseId;
        if (issuedFrom != null) {
            return issuedFrom;
        }
        Long w = defaultWarehouse(partId, need);
        if (w == null) {
            throw DmsException.conflict("warehouseId", "warehouse.none", "没有可用的仓库，请先建立仓库",
                    "there is no active warehouse to take the part from");
        }
        return w;
    }

    /** The configured warehouse, else the first active central or shop warehouse with {@code need} available. */
    Long defaultWarehouse(long partId, BigDecimal need) {
        String code = warehouseCode;
        if (!code.isEmpty()) {
            Optional<Warehouse> w = warehouses.byCode(code).filter(Warehouse::active);
            if (w.isPresent()) {
                return w.get().id();
            }
            LOG.warn("warehouse {} in {} is not an active warehouse; choosing one", code, WorkOrderPartsConfig.PID);
        }
        List<Warehouse> usable = warehouses.list().stream()
                .filter(w -> w.active() && w.kind() != WarehouseKind.OLD_PARTS)
                .sorted(Comparator.comparing(Warehouse::code)).toList();
        if (usable.isEmpty()) {
            return null;
        }
        Map<Long, BigDecimal> available = stock.ofPart(partId, Actor.system()).warehouses().stream()
                .collect(Collectors.toMap(WarehouseStock::warehouseId, WarehouseStock::available));
        return usable.stream().filter(w -> available.getOrDefault(w.id(), BigDecimal.ZERO).compareTo(need) >= 0)
                .findFirst().orElse(usable.get(0)).id();
    }

    private List<PartOrderEntity> orders(long workOrderId) {
        return jpa.txExpr(em -> em.createQuery("SELECT o FROM PartOrderEntity o WHERE o.workOrderId = :w ORDER BY o.id",
                PartOrderEntity.class).setParameter("w", workOrderId).getResultList());
    }

    private static PartOrder order(PartOrderEntity o) {
        return new PartOrder(o.id, o.workOrderId, o.lineId, o.partNumber, o.quantity, o.note, o.status, o.orderedBy,
                Stored.instant(o.orderedAt), o.arrivedAt == null ? null : Stored.instant(o.arrivedAt));
    }

    private static Job jobOf(WorkOrder wo, long lineId) {
        return wo.jobs().stream().filter(j -> j.lines().stream().anyMatch(l -> l.id() == lineId)).findFirst()
                .orElseThrow(() -> DmsException.notFound("lineId", "工单 " + wo.number() + " 中没有明细 " + lineId,
                        "work order " + wo.number() + " has no line " + lineId));
    }

    private static Line partLine(Job job, long lineId) {
        Line line = job.lines().stream().filter(l -> l.id() == lineId).findFirst().orElseThrow();
        if (line.type() != LineType.PART) {
            throw DmsException.notFound("lineId", "明细 " + lineId + " 不是配件明细", "line " + lineId + " is not a part line");
        }
        return line;
    }

    private static String note(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > NOTE_MAX || s.chars().anyMatch(Character::isISOControl)) {
            throw DmsException.invalid(field, "too_long", field + " 最多 " + NOTE_MAX + " 个字符，且不能含控制字符",
                    field + " is at most " + NOTE_MAX + " characters without control characters");
        }
        return s;
    }

    static String label(Line line) {
        return (line.code() == null ? "" : line.code() + " ") + line.description();
    }

    private static String unit(Part part) {
        return part.unit() == null ? "" : part.unit();
    }

    static String plain(BigDecimal q) {
        return q == null ? "0" : q.stripTrailingZeros().toPlainString();
    }

    /** For tests: the shop's clock as the services see it. */
    Instant now() {
        return clock.now();
    }
}
