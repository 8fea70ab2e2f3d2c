package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.workorder.impl.WorkOrderServiceContract.ADVISOR;
import static org.opendms.workorder.impl.WorkOrderServiceContract.MANAGER;
import static org.opendms.workorder.impl.WorkOrderServiceContract.START;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.CataloguePart;
import org.opendms.workorder.api.CompletionRule;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.PartNumbers;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;

/**
 * The work order's side of parts (issue 13): part numbers checked against a registered catalogue unless a line is a
 * special order, completion asked of registered rules, a part line marked not needed (stored, timeline, audit), and
 * issues and other part steps recorded on the line and in the timeline; without a parts module, nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartLinesContract {

    static final Actor CLERK = new Actor("qian.parts", Set.of("parts"), Channel.REST);
    static final ApprovalDraft BY_PHONE = new ApprovalDraft("周杰", ApprovalChannel.PHONE);
    private static final AtomicInteger NUMBERS = new AtomicInteger(70000);

    /** A catalogue of two parts, numbers normalised as the parts module does (case, spaces, dashes). */
    static final PartNumbers CATALOGUE = number -> {
        String key = number.replaceAll("[\\s-]", "").toUpperCase();
        return Optional.ofNullable(Map.of("06L115562", new CataloguePart("06L-115-562", "机油滤清器"), "G052195M4",
                new CataloguePart("G-052-195-M4", "机油 5W-40")).get(key));
    };

    TestDatabase db;
    VehicleService vehicles;
    MutableShopClock clock;
    Workshop shop;
    JpaAuditTrail trail;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        clock = new MutableShopClock(START);
        shop = Workshop.on(db, core, clock);
        trail = new JpaAuditTrail(db.jpa("dms-audit"), clock, shop.store.permissions);
        shop.catalogue.save(new LabourOperationDraft("BY-01", "保养", new BigDecimal("1"), null, null), null, MANAGER);
        owner = core.customers().create(new CustomerDraft(CustomerType.PERSON, "周杰", "13755550019", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterEach
    void noParts() {
        shop.store.partNumbers = List.of();
        shop.store.completionRules = List.of();
        shop.store.listeners = List.of();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    WorkOrder open() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        Vehicle v = vehicles.create(new VehicleDraft(vin, "苏E" + (NUMBERS.get() % 90000 + 10000), "大众", "速腾", 2021,
                null, null, null, owner, null, null, null, null), ADVISOR);
        return shop.reception.open(new ReceptionDraft(v.plate(), null, null, 20_000, null, 50, null,
                List.of(JobDraft.customer("保养")), null, null, Set.of(VisitType.MAINTENANCE), null), ADVISOR);
    }

    WorkOrder withLine(WorkOrder wo, LineDraft line) {
        return shop.jobs.addLine(wo.id(), wo.jobs().get(0).id(), wo.version(), line, ADVISOR);
    }

    static Line partLine(WorkOrder wo) {
        return wo.jobs().get(0).lines().stream().filter(l -> l.type() == LineType.PART).findFirst().orElseThrow();
    }

    /** Approved, repaired and passed by every QC level (nothing clocked: the manager says why). */
    WorkOrder readyToComplete(WorkOrder wo) {
        WorkOrder w = shop.jobs.approve(wo.id(), wo.jobs().get(0).id(), wo.version(), BY_PHONE, ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.AWAITING_QC, null, "只换滤清器", MANAGER);
        for (QcLevel level : QcLevel.values()) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return w;
    }

    static String code(DmsException e) {
        return e.violations().get(0).code();
    }

    @Test
    void withoutPartsModuleAPartLineTakesAnyNumberAndCompletesAsBefore() {
        WorkOrder wo = withLine(open(), LineDraft.part("999999", "随便什么", "1", "10", 999999L));
        assertEquals("999999", partLine(wo).code());
        assertFalse(partLine(wo).specialOrder());
        assertNull(partLine(wo).issuedQuantity());
        WorkOrder done = shop.flow.changeStatus(wo.id(), readyToComplete(wo).version(), WorkOrderStatus.COMPLETED,
                null, null, ADVISOR);
        assertEquals(WorkOrderStatus.COMPLETED, done.status());
    }

    @Test
    void refusesAPartNumberNotInTheCatalogueUnlessASpecialOrder() {
        shop.store.partNumbers = List.of(CATALOGUE);
        WorkOrder wo = open();
        DmsException e = assertThrows(DmsException.class,
                () -> withLine(wo, LineDraft.part("999999", "随便什么", "1", "10", null)));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals("code", e.violations().get(0).field());
        assertEquals("part.unknown", code(e));
        assertTrue(shop.workOrders.get(wo.id()).jobs().get(0).lines().isEmpty(), "nothing added");

        WorkOrder special = withLine(wo, LineDraft.part("VW-SPECIAL-1", "客户专订 轮毂盖", "4", "80", null)
                .asSpecialOrder());
        assertTrue(partLine(special).specialOrder());
        assertEquals("VW-SPECIAL-1", partLine(special).code());
    }

    @Test
    void aCataloguePartIsStoredWithTheCataloguesNumberAndName() {
        shop.store.partNumbers = List.of(CATALOGUE);
        WorkOrder wo = withLine(open(), new LineDraft(LineType.PART, "06l 115 562", null, new BigDecimal("1"),
                new BigDecimal("45"), null, null));
        assertEquals("06L-115-562", partLine(wo).code());
        assertEquals("机油滤清器", partLine(wo).description());
    }

    @Test
    void onlyAPartLineIsASpecialOrder() {
        DmsException e = assertThrows(DmsException.class, () -> withLine(open(),
                LineDraft.labour("BY-01", "保养", "1", "100").asSpecialOrder()));
        assertEquals("specialOrder", e.violations().get(0).field());
    }

    @Test
    void completionRefusedWithEveryRulesReasonAndNothingChanged() {
        List<WorkOrder> asked = new CopyOnWriteArrayList<>();
        CompletionRule notIssued = wo -> {
            asked.add(wo);
            return List.of(new Violation("lines", "parts.not_issued", "配件未领料", "parts not issued"));
        };
        shop.store.completionRules = List.of(notIssued, wo -> List.of());
        WorkOrder ready = readyToComplete(withLine(open(), LineDraft.part("A-1", "滤清器", "1", "45", null)));
        DmsException e = assertThrows(DmsException.class, () -> shop.flow.changeStatus(ready.id(), ready.version(),
                WorkOrderStatus.COMPLETED, null, null, ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("parts.not_issued", code(e));
        assertEquals(1, e.violations().size());
        WorkOrder after = shop.workOrders.get(ready.id());
        assertEquals(WorkOrderStatus.AWAITING_QC, after.status());
        assertEquals(ready.version(), after.version());
        assertEquals(ready.id(), asked.get(0).id());
        assertEquals(1, asked.get(0).jobs().get(0).lines().size(), "the rule sees the lines");

        shop.store.completionRules = List.of(wo -> List.of());
        assertEquals(WorkOrderStatus.COMPLETED, shop.flow.changeStatus(ready.id(), ready.version(),
                WorkOrderStatus.COMPLETED, null, null, ADVISOR).status());
    }

    @Test
    void aPartLineMarkedNotNeededKeepsTheReasonInTheLineTimelineAndAudit() {
        WorkOrder wo = withLine(open(), LineDraft.part("A-2", "刹车片", "1", "300", null));
        Line line = partLine(wo);
        DmsException noReason = assertThrows(DmsException.class, () -> shop.partLines.markNotNeeded(wo.id(),
                line.jobId(), line.id(), wo.version(), " ", ADVISOR));
        assertEquals("reason", noReason.violations().get(0).field());
        assertThrows(DmsException.class, () -> shop.partLines.markNotNeeded(wo.id(), line.jobId(), line.id(),
                wo.version(), "旧件还能用", CLERK), "the clerk does not decide what the customer needs");

        WorkOrder marked = shop.partLines.markNotNeeded(wo.id(), line.jobId(), line.id(), wo.version(), "旧件还能用",
                ADVISOR);
        assertEquals(wo.version() + 1, marked.version());
        assertEquals("旧件还能用", partLine(marked).notNeeded().reason());
        assertEquals("wang.advisor", partLine(marked).notNeeded().recordedBy());
        TimelineEntry step = shop.workOrders.timeline(wo.id()).stream()
                .filter(t -> t.kind().equals(PartLines.NOT_NEEDED)).findFirst().orElseThrow();
        assertTrue(step.textZh().contains("旧件还能用"), step.textZh());
        assertEquals(line.jobId(), step.jobId());
        List<AuditEntry> audit = trail.search(AuditQuery.of("work-order", wo.id()), PageRequest.of(0, 100), MANAGER)
                .items();
        assertTrue(audit.stream().anyMatch(a -> a.field() != null && a.field().contains("notNeeded")
                && a.newValue() != null && a.newValue().contains("旧件还能用")), audit.toString());

        DmsException again = assertThrows(DmsException.class, () -> shop.partLines.markNotNeeded(wo.id(),
                line.jobId(), line.id(), marked.version(), "再次", ADVISOR));
        assertEquals("line.not_needed", code(again));
    }

    @Test
    void onlyAPartLineIsMarkedNotNeeded() {
        WorkOrder wo = withLine(open(), LineDraft.labour("BY-01", "保养", "1", "100"));
        Line labour = wo.jobs().get(0).lines().get(0);
        DmsException e = assertThrows(DmsException.class, () -> shop.partLines.markNotNeeded(wo.id(),
                labour.jobId(), labour.id(), wo.version(), "不需要", ADVISOR));
        assertEquals("line.not_part", code(e));
    }

    @Test
    void anIssueIsKeptOnTheLineWithItsCostAndInTheTimelineWhateverTheVersion() {
        WorkOrder wo = withLine(open(), LineDraft.part("A-3", "机油", "4", "60", null));
        Line line = partLine(wo);
        assertThrows(DmsException.class, () -> shop.partLines.recordIssue(wo.id(), line.id(), new BigDecimal("4"),
                new BigDecimal("120"), PartLines.ISSUED, "领料", "issued", ADVISOR), "only the parts clerk");
        WorkOrder issued = shop.partLines.recordIssue(wo.id(), line.id(), new BigDecimal("4"), new BigDecimal("120.5"),
                PartLines.ISSUED, "领料 4 升 机油", "issued 4 l oil", CLERK);
        assertEquals(wo.version(), issued.version(), "nothing the advisor edits changed: the form read stays valid");
        assertEquals(new BigDecimal("4.00"), partLine(issued).issuedQuantity());
        assertEquals(new BigDecimal("120.50"), partLine(issued).issueCost());
        WorkOrder returned = shop.partLines.recordIssue(wo.id(), line.id(), new BigDecimal("3"),
                new BigDecimal("90.38"),
                PartLines.RETURNED, "退料 1 升", "returned 1 l", CLERK);
        assertEquals(new BigDecimal("3.00"), partLine(returned).issuedQuantity());
        List<String> kinds = shop.workOrders.timeline(wo.id()).stream().map(TimelineEntry::kind)
                .filter(k -> k.startsWith("PART_")).toList();
        assertEquals(List.of(PartLines.ISSUED, PartLines.RETURNED), kinds);

        DmsException negative = assertThrows(DmsException.class, () -> shop.partLines.recordIssue(wo.id(), line.id(),
                new BigDecimal("-1"), BigDecimal.ZERO, PartLines.ISSUED, "x", "x", CLERK));
        assertEquals("issuedQuantity", negative.violations().get(0).field());
        assertThrows(DmsException.class, () -> shop.partLines.recordIssue(wo.id(), 999_999_999L, BigDecimal.ONE,
                BigDecimal.ONE, PartLines.ISSUED, "x", "x", CLERK));
    }

    @Test
    void anArrivalIsInTheTimelineAndToldToListeners() {
        List<WorkOrderEvent> arrived = new ArrayList<>();
        shop.store.listeners = List.of(new WorkOrderListener() {
            @Override
            public void partsArrived(WorkOrderEvent event) {
                arrived.add(event);
            }
        });
        WorkOrder wo = withLine(open(), LineDraft.part("A-4", "大灯总成", "1", "1800", null).asSpecialOrder());
        shop.partLines.recordStep(wo.id(), partLine(wo).id(), PartLines.ARRIVED, "大灯总成 已到货", "headlamp arrived",
                CLERK);
        assertEquals(1, arrived.size());
        assertEquals(wo.id(), arrived.get(0).workOrderId());
        assertTrue(shop.workOrders.timeline(wo.id()).stream().anyMatch(t -> t.kind().equals(PartLines.ARRIVED)
                && t.textZh().equals("大灯总成 已到货")));
        DmsException unknown = assertThrows(DmsException.class, () -> shop.partLines.recordStep(wo.id(), null,
                "PART_EATEN", "x", "x", CLERK));
        assertEquals("kind", unknown.violations().get(0).field());
    }
}
