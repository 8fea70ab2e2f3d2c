package org.opendms.parts.impl.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.workorder.PickLine;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.parts.impl.WorkOrderPartsFixture;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.Vin;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.opendms.workorder.impl.WorkOrdersForTests;

/**
 * Parts for work orders on a real database with the real work-order and parts services: stock reserved when a job is
 * approved and released when it is declined, its line removed or marked not needed; the pick list; issues and returns
 * through the ledger with the cost on the line; completion only once approved part lines are issued; special orders,
 * ordered for the work order, which waits for parts until the receipt tells the advisor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkOrderPartsContract {

    static final Actor CLERK = new Actor("qian.parts", Set.of("parts"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("li.tech", Set.of("technician"), Channel.REST);
    static final ApprovalDraft BY_PHONE = new ApprovalDraft("赵敏", ApprovalChannel.PHONE);
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final AtomicInteger NUMBERS = new AtomicInteger(80000);

    TestDatabase db;
    WorkOrdersForTests shop;
    WorkOrderPartsFixture parts;
    WorkOrderPartsService service;
    Warehouse central;
    long owner;
    final List<WorkOrderEvent> arrivals = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void wire() {
        db = database();
        ShopClock clock = new ShopClock() {
            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Clock clock() {
                return Clock.fixed(NOW, zone());
            }
        };
        shop = WorkOrdersForTests.on(db, clock);
        parts = WorkOrderPartsFixture.on(db, clock);
        service = new WorkOrderPartsService();
        service.jpa = db.jpa("dms-parts");
        service.clock = clock;
        service.permissions = org.opendms.platform.testing.TestPermissions.of();
        service.catalogue = parts.catalogue();
        service.stock = parts.stock();
        service.ledger = parts.ledger();
        service.reservations = parts.reservations();
        service.warehouses = parts.warehouses();
        service.workOrders = shop.workOrders;
        service.flow = shop.flow;
        service.partLines = shop.partLines;
        service.configure(config(""));
        WorkOrderListener advisor = new WorkOrderListener() {
            @Override
            public void partsArrived(WorkOrderEvent event) {
                arrivals.add(event);
            }
        };
        shop.register(List.of(service), List.of(service), List.of(service, advisor));
        parts.listeners(List.of(service));
        central = parts.warehouses().byCode("ZK").orElseThrow(); // the central store every shop starts with (parts-003)
        shop.catalogue.save(new LabourOperationDraft("BY-01", "保养", new BigDecimal("1"), null, null), null, MANAGER);
        owner = shop.core.customers().create(new CustomerDraft(CustomerType.PERSON, "赵敏", "13755550029", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static WorkOrderPartsConfig config(String warehouse) {
        return new WorkOrderPartsConfig() {
            @Override
            public String warehouse() {
                return warehouse;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkOrderPartsConfig.class;
            }
        };
    }

    /** A catalogue part with {@code onHand} received into the central store's default bin at {@code cost} a unit. */
    Part partInStock(String onHand, String cost) {
        int n = NUMBERS.incrementAndGet();
        Part p = parts.catalogue().add(PartDraft.of("06L-115-" + n, "机油滤清器 " + n, "个", "68"), CLERK);
        if (new BigDecimal(onHand).signum() > 0) {
            parts.ledger().post(MovementDraft.receipt(p.id(), central.id(), null, new BigDecimal(onHand),
                    new BigDecimal(cost), "RK-" + n), CLERK);
        }
        return p;
    }

    WorkOrder open() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        Vehicle v = shop.core.vehicles().create(new VehicleDraft(vin, "浙A" + (NUMBERS.get() % 90000 + 10000), "大众",
                "迈腾", 2022, null, null, null, owner, null, null, null, null), ADVISOR);
        return shop.reception.open(new ReceptionDraft(v.plate(), null, null, 15_000, null, 50, null,
                List.of(JobDraft.customer("保养")), null, null, Set.of(VisitType.MAINTENANCE), null), ADVISOR);
    }

    WorkOrder withPart(WorkOrder wo, Part p, String quantity) {
        return shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.part(p.number().printed(), null, quantity, "68", null), ADVISOR);
    }

    WorkOrder approve(WorkOrder wo) {
        return shop.jobs.approve(wo.id(), wo.jobs().get(0).id(), wo.version(), BY_PHONE, ADVISOR);
    }

    WorkOrder get(WorkOrder wo) {
        return shop.workOrders.get(wo.id());
    }

    static Line partLine(WorkOrder wo) {
        return wo.jobs().get(0).lines().stream().filter(l -> l.type() == LineType.PART).findFirst().orElseThrow();
    }

    WarehouseStock stockOf(Part p) {
        return parts.stock().ofPart(p.id(), MANAGER).warehouses().stream()
                .filter(w -> w.warehouseId() == central.id()).findFirst().orElseThrow();
    }

    List<String> partSteps(WorkOrder wo) {
        return shop.workOrders.timeline(wo.id()).stream().map(TimelineEntry::kind).filter(k -> k.startsWith("PART_"))
                .toList();
    }

    /** Through repair and every QC level (nothing clocked: the manager says why), ready to be completed. */
    WorkOrder throughQc(WorkOrder wo) {
        WorkOrder w = get(wo);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.AWAITING_QC, null, "只换滤清器", MANAGER);
        for (QcLevel level : QcLevel.values()) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return w;
    }

    static BigDecimal q(String v) {
        return new BigDecimal(v).setScale(2);
    }

    static String code(DmsException e) {
        return e.violations().get(0).code();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aNumberPrintedWithSpacesIsStoredWithoutThem() {
        int n = NUMBERS.incrementAndGet();
        Part p = parts.catalogue().add(PartDraft.of("4G0 698 151 " + n, "刹车片 " + n, "套", "480"), CLERK);
        WorkOrder wo = open();
        WorkOrder added = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.part("4g0-698-151-" + n, null, "1", "480", null), ADVISOR);
        // a line's code takes letters, digits and . _ / - only: the printed number without its spaces
        assertEquals("4G0698151" + n, partLine(added).code());
    }

    @Test
    void aPartLineNamesACataloguePartOrIsASpecialOrder() {
        Part p = partInStock("0", "0");
        WorkOrder wo = open();
        DmsException e = assertThrows(DmsException.class, () -> shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(),
                wo.version(), LineDraft.part("999999", "随便", "1", "10", 999999L), ADVISOR));
        assertEquals("part.unknown", code(e));
        WorkOrder typed = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.part(p.number().key().toLowerCase(), null, "1", "68", null), ADVISOR);
        assertEquals(p.number().printed(), partLine(typed).code(), "stored as the catalogue prints it");
        assertEquals(p.name(), partLine(typed).description());
        WorkOrder special = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), typed.version(),
                LineDraft.part("KH-ZD-001", "客户专订 尾翼", "1", "900", null).asSpecialOrder(), ADVISOR);
        assertTrue(
                special.jobs().get(0).lines().stream().anyMatch(l -> l.specialOrder() && l.code().equals("KH-ZD-001")));
    }

    @Test
    void approvingAJobReservesItsPartsAndThePickListShowsWhereTheyLie() {
        Part p = partInStock("10", "40");
        WorkOrder wo = approve(withPart(open(), p, "4"));
        assertEquals(q("4"), stockOf(p).reserved());
        assertEquals(q("6"), stockOf(p).available());
        assertEquals(List.of(PartLines.RESERVED), partSteps(wo));

        PickList list = service.pickList(wo.id(), TECHNICIAN);
        PickLine line = list.line(partLine(wo).id());
        assertEquals(q("4"), line.reserved());
        assertEquals(q("4"), line.outstanding());
        assertEquals("ZK", line.warehouseCode());
        assertEquals("TO_ISSUE", line.state());
        assertEquals(1, line.bins().size());
        assertEquals(q("10"), line.bins().get(0).onHand());
        assertNull(line.issueCost(), "a technician does not see costs");
    }

    @Test
    void anUnapprovedJobReservesNothingAndIsNotIssued() {
        Part p = partInStock("5", "40");
        WorkOrder wo = withPart(open(), p, "1");
        assertEquals(q("0"), stockOf(p).reserved());
        assertTrue(service.pickList(wo.id(), CLERK).lines().isEmpty());
        DmsException e = assertThrows(DmsException.class,
                () -> service.issue(wo.id(), partLine(wo).id(), null, null, CLERK));
        assertEquals("line.not_approved", code(e));
        assertEquals(q("5"), stockOf(p).onHand(), "nothing moved");
    }

    @Test
    void issueAndReturnMoveTheLedgerAndKeepTheCostOnTheLine() {
        Part p = partInStock("10", "40");
        WorkOrder wo = approve(withPart(open(), p, "3"));
        long lineId = partLine(wo).id();
        assertThrows(DmsException.class, () -> service.issue(wo.id(), lineId, null, null, TECHNICIAN),
                "the technician asks, the clerk issues");

        PickList issued = service.issue(wo.id(), lineId, null, null, CLERK);
        PickLine line = issued.line(lineId);
        assertEquals(q("3"), line.issued());
        assertEquals(q("0"), line.reserved(), "the issue took its reservation");
        assertEquals("ISSUED", line.state());
        assertEquals(new BigDecimal("120.00"), line.issueCost());
        assertEquals(q("7"), stockOf(p).onHand());
        assertEquals(q("0"), stockOf(p).reserved());
        Line onWorkOrder = partLine(get(wo));
        assertEquals(q("3"), onWorkOrder.issuedQuantity());
        assertEquals(new BigDecimal("120.00"), onWorkOrder.issueCost());

        PickList back = service.returnPart(wo.id(), lineId, new BigDecimal("1"), null, "多领了一个", CLERK);
        assertEquals(q("1"), back.line(lineId).returned());
        assertEquals(q("1"), back.line(lineId).outstanding());
        assertEquals(q("8"), stockOf(p).onHand());
        assertEquals(q("2"), partLine(get(wo)).issuedQuantity());
        assertEquals(new BigDecimal("80.00"), partLine(get(wo)).issueCost());
        DmsException tooMany = assertThrows(DmsException.class,
                () -> service.returnPart(wo.id(), lineId, new BigDecimal("5"), null, null, CLERK));
        assertEquals("return.exceeds_issued", code(tooMany));
        assertEquals(q("8"), stockOf(p).onHand(), "a refused return moves nothing");
        assertEquals(List.of(PartLines.RESERVED, PartLines.ISSUED, PartLines.RETURNED), partSteps(wo));
    }

    @Test
    void notEnoughOnHandIsRefusedAndNothingMoves() {
        Part p = partInStock("2", "40");
        WorkOrder wo = approve(withPart(open(), p, "2"));
        long lineId = partLine(wo).id();
        DmsException e = assertThrows(DmsException.class,
                () -> service.issue(wo.id(), lineId, new BigDecimal("3"), null, CLERK));
        assertEquals("stock.insufficient", code(e));
        assertEquals(q("2"), stockOf(p).onHand());
        assertNull(partLine(get(wo)).issuedQuantity());
    }

    @Test
    void completionWaitsForApprovedPartLinesToBeIssued() {
        Part p = partInStock("10", "40");
        WorkOrder wo = throughQc(approve(withPart(open(), p, "2")));
        DmsException e = assertThrows(DmsException.class, () -> shop.flow.changeStatus(wo.id(), wo.version(),
                WorkOrderStatus.COMPLETED, null, null, ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("parts.not_issued", code(e));
        assertEquals(WorkOrderStatus.AWAITING_QC, get(wo).status());

        service.issue(wo.id(), partLine(wo).id(), new BigDecimal("1"), null, CLERK);
        WorkOrder partly = get(wo);
        assertEquals("parts.not_issued", code(assertThrows(DmsException.class, () -> shop.flow
                .changeStatus(partly.id(), partly.version(), WorkOrderStatus.COMPLETED, null, null, ADVISOR))));

        service.issue(wo.id(), partLine(wo).id(), null, null, CLERK);
        WorkOrder issued = get(wo);
        assertEquals(WorkOrderStatus.COMPLETED, shop.flow.changeStatus(issued.id(), issued.version(),
                WorkOrderStatus.COMPLETED, null, null, ADVISOR).status());
    }

    @Test
    void aLineMarkedNotNeededReleasesItsReservationAndLetsTheWorkOrderComplete() {
        Part p = partInStock("10", "40");
        WorkOrder wo = throughQc(approve(withPart(open(), p, "2")));
        assertEquals(q("2"), stockOf(p).reserved());
        Line line = partLine(wo);
        WorkOrder marked = shop.partLines.markNotNeeded(wo.id(), line.jobId(), line.id(), wo.version(), "旧件完好",
                ADVISOR);
        assertEquals(q("0"), stockOf(p).reserved(), "released");
        assertEquals("NOT_NEEDED", service.pickList(wo.id(), CLERK).line(line.id()).state());
        assertTrue(partSteps(wo).containsAll(List.of(PartLines.NOT_NEEDED, PartLines.RELEASED)));
        assertEquals("line.not_needed", code(assertThrows(DmsException.class,
                () -> service.issue(wo.id(), line.id(), null, null, CLERK))));
        WorkOrder now = get(marked);
        assertEquals(WorkOrderStatus.COMPLETED,
                shop.flow.changeStatus(now.id(), now.version(), WorkOrderStatus.COMPLETED, null, null, ADVISOR)
                        .status());
    }

    @Test
    void aDeclinedJobOrARemovedLineReleasesItsReservation() {
        Part p = partInStock("10", "40");
        WorkOrder declined = approve(withPart(open(), p, "3"));
        assertEquals(q("3"), stockOf(p).reserved());
        shop.jobs.declineJob(declined.id(), declined.jobs().get(0).id(), declined.version(), "客户说下次再换",
                ADVISOR);
        assertEquals(q("0"), stockOf(p).reserved());

        WorkOrder removed = approve(withPart(open(), p, "2"));
        assertEquals(q("2"), stockOf(p).reserved());
        shop.jobs.removeLine(removed.id(), removed.jobs().get(0).id(), partLine(removed).id(), removed.version(),
                ADVISOR);
        assertEquals(q("0"), stockOf(p).reserved());
        assertEquals(q("10"), stockOf(p).onHand(), "a reservation never moves on hand");
        assertTrue(partSteps(removed).contains(PartLines.RELEASED));
    }

    @Test
    void aPartNotInStockIsOrderedTheWorkOrderWaitsAndItsArrivalTellsTheAdvisor() {
        WorkOrder wo = open();
        wo = shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(),
                LineDraft.part("KH-DT-" + NUMBERS.incrementAndGet(), "客户专订 大灯总成", "1", "1800", null)
                        .asSpecialOrder(),
                ADVISOR);
        wo = approve(wo);
        wo = shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR);
        Line line = partLine(wo);
        PickList ordered = service.order(wo.id(), line.id(), null, "供应商三天到货", CLERK);
        assertEquals("ORDERED", ordered.line(line.id()).state());
        assertNotNull(ordered.line(line.id()).order());
        WorkOrder waiting = get(wo);
        assertEquals(WorkOrderStatus.WAITING, waiting.status());
        assertEquals(WaitReason.PARTS, waiting.waitReason());
        long woId = wo.id();
        assertEquals("order.open", code(assertThrows(DmsException.class,
                () -> service.order(woId, line.id(), null, null, CLERK))));

        // the special order is added to the catalogue when it comes in, and received
        arrivals.clear();
        Part headlamp = parts.catalogue().add(PartDraft.of(line.code(), "大灯总成", "个", "1800"), CLERK);
        parts.ledger().post(MovementDraft.receipt(headlamp.id(), central.id(), null, new BigDecimal("1"),
                new BigDecimal("1200"), "RK-DT"), CLERK);
        assertEquals(1, arrivals.size());
        assertEquals(wo.id(), arrivals.get(0).workOrderId());
        assertTrue(partSteps(wo).contains(PartLines.ARRIVED));
        PickLine arrived = service.pickList(wo.id(), CLERK).line(line.id());
        assertEquals("ARRIVED", arrived.state());
        assertEquals(q("1"), arrived.reserved(), "reserved for the work order that ordered it");
        assertEquals(headlamp.id(), arrived.partId());
    }
}
