package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendms.workorder.impl.WorkOrderServiceContract.ADVISOR;
import static org.opendms.workorder.impl.WorkOrderServiceContract.FOREMAN;
import static org.opendms.workorder.impl.WorkOrderServiceContract.MANAGER;
import static org.opendms.workorder.impl.WorkOrderServiceContract.START;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.appointment.impl.AppointmentBookForTests;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.staff.impl.StaffForTests;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LinePrice;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.ListPrices;
import org.opendms.workorder.api.PriceOutcome;
import org.opendms.workorder.api.PriceRequest;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * Price authority (价格权限) on a real database: below the list price or above the role's discount limit a line waits
 * for the service manager, who approves or rejects with a reason or sets the price himself with one; a pending price
 * blocks the customer's approval, dispatch and delivery; every step is in the timeline; bad prices are refused naming
 * the field, nothing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PriceAuthorityContract {

    static final ApprovalDraft IN_PERSON = new ApprovalDraft("欧阳娜", ApprovalChannel.IN_PERSON);
    static final Actor ADMIN = new Actor("admin", Set.of("admin"), Channel.REST);
    private static final AtomicInteger NUMBERS = new AtomicInteger(70000);

    TestDatabase db;
    VehicleService vehicles;
    Workshop shop;
    JpaPriceAuthority prices;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        shop = Workshop.on(db, core, new MutableShopClock(START));
        prices = new JpaPriceAuthority(shop.store);
        // a parts price list: the brake pads 04465 list at 880 yuan
        ListPrices partsList = (type, code, stockItemId, payType) -> type == LineType.PART && "04465".equals(code)
                ? Optional.of(new BigDecimal("880"))
                : Optional.empty();
        shop.store.listPrices = List.of(partsList);
        shop.catalogue.save(new LabourOperationDraft("BY-01", "更换机油机滤", new BigDecimal("1"), null, null), null,
                MANAGER);
        owner = core.customers().create(new CustomerDraft(CustomerType.PERSON, "欧阳娜", "13755550019", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    WorkOrder open(String... concerns) {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        Vehicle v = vehicles.create(new VehicleDraft(vin, "苏E" + (NUMBERS.get() % 90000 + 10000), "大众", "朗逸", 2021,
                null, null, null, owner, null, null, null, null), ADVISOR);
        return shop.reception.open(new ReceptionDraft(v.plate(), null, null, 30_000, null, 50, null,
                List.of(concerns).stream().map(JobDraft::customer).toList(), null, null,
                Set.of(VisitType.GENERAL_REPAIR), null), ADVISOR);
    }

    static LineDraft labour(String rate) {
        return new LineDraft(LineType.LABOUR, "BY-01", null, null, new BigDecimal(rate), null, null);
    }

    static LineDraft pads(String price) {
        return LineDraft.part("04465", "前刹车片", "1", price, null);
    }

    static Line last(WorkOrder wo, long jobId) {
        List<Line> lines = wo.job(jobId).lines();
        return lines.get(lines.size() - 1);
    }

    static LinePrice price(String unitPrice, String discount, String reason) {
        return new LinePrice(unitPrice == null ? null : new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount), reason);
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    List<PriceRequest> pendingOf(long workOrderId) {
        return prices.requests(workOrderId).stream().filter(r -> r.status() == PriceRequest.Status.PENDING).toList();
    }

    List<TimelineEntry> priceSteps(long id) {
        return shop.workOrders.timeline(id).stream().filter(t -> t.kind().startsWith("PRICE_")).toList();
    }

    /** A refusal naming the field and code in both languages, after which nothing changed. */
    void refused(DmsException.Kind kind, String field, String code, long workOrderId, Runnable call) {
        WorkOrder before = shop.workOrders.get(workOrderId);
        long requests = db.count("SELECT COUNT(*) FROM wo_price_request");
        long pending = db.count("SELECT COUNT(*) FROM wo_price_request WHERE status = 'PENDING'");
        long changes = db.count("SELECT COUNT(*) FROM wo_price_change");
        DmsException e = assertThrows(DmsException.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                () -> "expected " + field + "/" + code + " in " + e.violations());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank(), v.toString()));
        assertEquals(before, shop.workOrders.get(workOrderId), "a refused call changed nothing");
        assertEquals(requests, db.count("SELECT COUNT(*) FROM wo_price_request"));
        assertEquals(pending, db.count("SELECT COUNT(*) FROM wo_price_request WHERE status = 'PENDING'"));
        assertEquals(changes, db.count("SELECT COUNT(*) FROM wo_price_change"));
    }

    // ------------------------------------------------------------------ the case from the security test

    @Test
    void theAdvisorsLabourAtOneFenAndFreePartWaitForTheManagerWhoDecidesWithAReason() {
        WorkOrder wo = open("保养", "前刹车异响");
        long oil = wo.jobs().get(0).id();
        long brakes = wo.jobs().get(1).id();

        // 0.01 yuan/h against the catalogue's 100: kept at 100 until the manager decides
        wo = shop.jobs.addLine(wo.id(), oil, wo.version(), labour("0.01").because("老客户，工时费全免"), ADVISOR);
        Line labourLine = last(wo, oil);
        assertEquals(yuan("100.00"), labourLine.unitPrice());
        assertEquals(yuan("100.00"), labourLine.net());
        // a 100 % discount on an 880-yuan part: kept at no discount
        wo = shop.jobs.addLine(wo.id(), brakes, wo.version(), pads("880").withDiscount("880").because("质量问题赔付"),
                ADVISOR);
        Line padLine = last(wo, brakes);
        assertEquals(yuan("0.00"), padLine.discount());
        assertEquals(yuan("880.00"), padLine.net());
        assertEquals(yuan("980.00"), wo.totals().net(), "the totals hold only prices somebody had the authority for");

        List<PriceRequest> pending = pendingOf(wo.id());
        assertEquals(2, pending.size());
        PriceRequest onLabour = pending.stream().filter(r -> r.lineId() == labourLine.id()).findFirst().orElseThrow();
        assertEquals(List.of("price.below_list"), onLabour.exceeds());
        assertEquals(yuan("100.00"), onLabour.listPrice());
        assertEquals(yuan("0.01"), onLabour.unitPrice());
        assertEquals("wang.advisor", onLabour.requestedBy());
        assertEquals("老客户，工时费全免", onLabour.reason());
        PriceRequest onPads = pending.stream().filter(r -> r.lineId() == padLine.id()).findFirst().orElseThrow();
        assertEquals(List.of("discount.over_limit"), onPads.exceeds());
        assertEquals(yuan("100.00"), onPads.discountPercent());
        assertEquals(yuan("10.00"), onPads.limitPercent());
        assertTrue(prices.pending(PageRequest.of(0, 200)).items().stream().map(PriceRequest::id).toList()
                .containsAll(List.of(onLabour.id(), onPads.id())), "on the manager's list");

        // nobody approves, dispatches or settles around them
        long id = wo.id();
        long v = wo.version();
        refused(DmsException.Kind.CONFLICT, "jobId", "price.pending", id,
                () -> shop.jobs.approve(id, oil, v, IN_PERSON, ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", id,
                () -> prices.approve(onLabour.id(), "我自己批", ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "reason", "required", id, () -> prices.approve(onLabour.id(), " ",
                MANAGER));

        wo = prices.approve(onLabour.id(), "十年老客户，经理同意", MANAGER);
        assertEquals(yuan("0.01"), wo.job(oil).lines().get(0).unitPrice());
        assertEquals(yuan("0.01"), wo.job(oil).lines().get(0).net());
        wo = prices.reject(onPads.id(), "非质量问题，最多九折", MANAGER);
        assertEquals(yuan("0.00"), last(wo, brakes).discount());
        assertTrue(pendingOf(id).isEmpty());
        WorkOrder decided = wo;
        refused(DmsException.Kind.CONFLICT, "requestId", "price.decided", id,
                () -> prices.approve(onPads.id(), "改主意了", MANAGER));

        wo = shop.jobs.approve(id, oil, decided.version(), IN_PERSON, ADVISOR);
        assertTrue(wo.job(oil).approved(), "decided: the customer approves as usual");

        // the timeline: who, old and new price, why
        List<TimelineEntry> steps = priceSteps(id);
        assertEquals(List.of("PRICE_REQUESTED", "PRICE_REQUESTED", "PRICE_APPROVED", "PRICE_REJECTED"),
                steps.stream().map(TimelineEntry::kind).toList());
        TimelineEntry requested = steps.get(0);
        assertEquals("wang.advisor", requested.username());
        assertTrue(requested.textZh().contains("单价 100.00 → 0.01") && requested.textZh().contains("目录价 100.00")
                && requested.textZh().contains("老客户，工时费全免"), requested.textZh());
        assertTrue(requested.textEn().contains("unit price 100.00 → 0.01"), requested.textEn());
        assertTrue(steps.get(1).textZh().contains("折扣 0.00 → 880.00"), steps.get(1).textZh());
        assertEquals("zhao.manager", steps.get(2).username());
        assertTrue(steps.get(2).textZh().contains("单价 100.00 → 0.01") && steps.get(2).textZh().contains("十年老客户，经理同意"),
                steps.get(2).textZh());
        assertTrue(steps.get(3).textZh().contains("非质量问题，最多九折"), steps.get(3).textZh());
        assertEquals(PriceRequest.Status.APPROVED, prices.get(onLabour.id()).status());
        assertEquals("zhao.manager", prices.get(onPads.id()).decidedBy());
    }

    // ------------------------------------------------------------------ limits and authority

    @Test
    void withinTheRolesLimitAPriceAppliesAndIsInTheTimelineAboveItIsARequest() {
        WorkOrder wo = open("换刹车片");
        long job = wo.jobs().get(0).id();
        // exactly 10 % of 880: the advisor's own authority
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), pads("880").withDiscount("88"), ADVISOR);
        assertEquals(yuan("792.00"), last(wo, job).net());
        assertTrue(pendingOf(wo.id()).isEmpty());
        // a fen more is over it
        long line = last(wo, job).id();
        PriceOutcome over = prices.setPrice(wo.id(), job, line, wo.version(), price(null, "88.01", "VIP 客户"), ADVISOR);
        assertTrue(over.pending());
        assertEquals(yuan("88.00"), last(over.workOrder(), job).discount(), "the line as it was until decided");
        assertEquals(List.of("discount.over_limit"), over.request().exceeds());
        assertEquals(yuan("88.00"), over.request().oldDiscount());

        // a foreman has no discount of his own (0 %), the manager no limit; a person with two roles has the larger
        assertEquals(yuan("0.00"), prices.discountLimit(FOREMAN));
        assertNull(prices.discountLimit(MANAGER));
        assertEquals(yuan("10.00"), prices.discountLimit(new Actor("x", Set.of("foreman", "advisor"), Channel.REST)));

        // a price above the list is nobody's business; raising a price never needs approval
        PriceOutcome up = prices.setPrice(wo.id(), job, line, over.workOrder().version(), price("900", null, null),
                ADVISOR);
        assertFalse(up.pending());
        assertEquals(yuan("812.00"), last(up.workOrder(), job).net());
        List<TimelineEntry> steps = priceSteps(wo.id());
        assertEquals(List.of("PRICE_SET", "PRICE_REQUESTED", "PRICE_WITHDRAWN", "PRICE_SET"),
                steps.stream().map(TimelineEntry::kind).toList(), "a direct price replaces the pending request");
        assertTrue(steps.get(0).textZh().contains("定价 单价 880.00，折扣 88.00 元（目录价 880.00）"), steps.get(0).textZh());
        assertTrue(steps.get(3).textZh().contains("单价 880.00 → 900.00"), steps.get(3).textZh());
    }

    @Test
    void theManagerSetsAnyPriceHimselfSayingWhy() {
        WorkOrder wo = open("保养");
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), labour("100"), ADVISOR);
        long line = last(wo, job).id();
        long id = wo.id();
        long v = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "reason", "price.reason_required", id,
                () -> prices.setPrice(id, job, line, v, price("50", null, null), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "reason", "price.reason_required", id,
                () -> prices.setPrice(id, job, line, v, price("50", null, null), ADVISOR));
        refused(DmsException.Kind.INVALID_INPUT, "reason", "price.reason_required", id,
                () -> shop.jobs.addLine(id, job, v, labour("0.01"), ADVISOR));
        refused(DmsException.Kind.FORBIDDEN, "", "forbidden", id,
                () -> prices.setPrice(id, job, line, v, price("50", null, "x"), FOREMAN));

        PriceOutcome set = prices.setPrice(id, job, line, v, price("50", "50", "店庆半价，经理定"), MANAGER);
        assertFalse(set.pending());
        assertEquals(yuan("0.00"), last(set.workOrder(), job).net());
        TimelineEntry step = priceSteps(id).get(1);
        assertEquals("PRICE_SET", step.kind());
        assertEquals("zhao.manager", step.username());
        assertTrue(step.textZh().contains("单价 100.00 → 50.00，折扣 0.00 → 50.00") && step.textZh().contains("服务经理直接定价")
                && step.textZh().contains("店庆半价，经理定"), step.textZh());

        // the parts price list is the hook: 800 for the 880-yuan pads is below it
        PriceOutcome pads = priceOfNewPads(id, job, set.workOrder().version());
        assertEquals(List.of("price.below_list"), pads.request().exceeds());
        assertEquals(yuan("880.00"), pads.request().listPrice());
    }

    private PriceOutcome priceOfNewPads(long id, long job, long version) {
        WorkOrder wo = shop.jobs.addLine(id, job, version, pads("880"), ADVISOR);
        return prices.setPrice(id, job, last(wo, job).id(), wo.version(), price("800", null, "竞品价"), ADVISOR);
    }

    // ------------------------------------------------------------------ what a pending price blocks

    @Test
    void aPendingPriceBlocksDispatchAndDeliveryUntilDecidedAndCancellingWithdrawsIt() {
        WorkOrder wo = open("保养");
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), labour("100"), ADVISOR);
        wo = shop.jobs.approve(wo.id(), job, wo.version(), IN_PERSON, ADVISOR);
        long line = last(wo, job).id();
        PriceOutcome asked = prices.setPrice(wo.id(), job, line, wo.version(), price(null, "30", "等待时间过长，补偿"),
                ADVISOR);
        assertTrue(asked.workOrder().job(job).approved(), "the customer's approval stands until the price changes");
        long id = wo.id();
        long v = asked.workOrder().version();
        refused(DmsException.Kind.CONFLICT, "jobId", "price.pending", id,
                () -> shop.dispatch.assign(id, job, v, List.of("li.tech"), null, FOREMAN));

        WorkOrder completed = complete(asked.workOrder());
        refused(DmsException.Kind.CONFLICT, "status", "price.pending", id, () -> shop.flow.changeStatus(id,
                completed.version(), WorkOrderStatus.DELIVERED, null, null, ADVISOR));
        // decided after completion, before settlement: the price applies, the approval stays (the job is done)
        WorkOrder approved = prices.approve(asked.request().id(), "同意补偿", MANAGER);
        assertEquals(yuan("70.00"), last(approved, job).net());
        WorkOrder delivered = shop.flow.changeStatus(id, approved.version(), WorkOrderStatus.DELIVERED, null, null,
                ADVISOR);
        assertEquals(WorkOrderStatus.DELIVERED, delivered.status());

        WorkOrder other = open("洗车");
        long otherJob = other.jobs().get(0).id();
        other = shop.jobs.addLine(other.id(), otherJob, other.version(), labour("1").because("赠送"), ADVISOR);
        assertEquals(1, pendingOf(other.id()).size());
        shop.flow.changeStatus(other.id(), other.version(), WorkOrderStatus.CANCELLED, null, "客户取消", ADVISOR);
        assertTrue(pendingOf(other.id()).isEmpty(), "a cancelled work order leaves nothing on the manager's list");
    }

    private WorkOrder complete(WorkOrder wo) {
        WorkOrder w = shop.flow.changeStatus(wo.id(), wo.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.AWAITING_QC, null, "只做检查，无需计时", MANAGER);
        for (QcLevel level : QcLevel.values()) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.COMPLETED, null, null, ADVISOR);
    }

    @Test
    void aNewerRequestReplacesThePendingOneAndAWithdrawnOrRemovedLineTakesItsRequestAlong() {
        WorkOrder wo = open("保养");
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), labour("100"), ADVISOR);
        long line = last(wo, job).id();
        PriceOutcome first = prices.setPrice(wo.id(), job, line, wo.version(), price("80", null, "老客户"), ADVISOR);
        PriceOutcome second = prices.setPrice(wo.id(), job, line, first.workOrder().version(), price("90", null,
                "老客户，九折"), ADVISOR);
        assertEquals(PriceRequest.Status.WITHDRAWN, prices.get(first.request().id()).status());
        assertEquals(List.of(second.request().id()), pendingOf(wo.id()).stream().map(PriceRequest::id).toList());
        WorkOrder withdrawn = prices.withdraw(second.request().id(), "客户不要了", ADVISOR);
        assertTrue(pendingOf(wo.id()).isEmpty());
        assertEquals(yuan("100.00"), last(withdrawn, job).unitPrice());

        PriceOutcome third = prices.setPrice(wo.id(), job, line, withdrawn.version(), price("70", null, "试试"),
                ADVISOR);
        shop.jobs.removeLine(wo.id(), job, line, third.workOrder().version(), ADVISOR);
        assertEquals(PriceRequest.Status.WITHDRAWN, prices.get(third.request().id()).status());
        assertEquals("明细已删除", prices.get(third.request().id()).decisionReason());
    }

    @Test
    void twoManagersDecidingOneRequestAtOnceOneWinsTheOtherIsTold() throws Exception {
        WorkOrder wo = open("保养");
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), labour("60").because("团购价"), ADVISOR);
        long request = pendingOf(wo.id()).get(0).id();
        Actor other = new Actor("qian.manager", Set.of("manager"), Channel.REST);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = List.of(two.submit(() -> {
                start.await();
                return decided(() -> prices.approve(request, "同意团购价", MANAGER));
            }), two.submit(() -> {
                start.await();
                return decided(() -> prices.reject(request, "团购已结束", other));
            }));
            start.countDown();
            List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
            assertEquals(1, results.stream().filter("ok"::equals).count(), results.toString());
            assertEquals(1, results.stream().filter("price.decided"::equals).count(), results.toString());
        } finally {
            two.shutdownNow();
        }
        assertEquals(1, priceSteps(wo.id()).stream()
                .filter(t -> t.kind().equals("PRICE_APPROVED") || t.kind().equals("PRICE_REJECTED")).count());
    }

    private static String decided(Runnable decision) {
        try {
            decision.run();
            return "ok";
        } catch (DmsException e) {
            return e.violations().get(0).code();
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void aBadPriceIsRefusedNamingTheFieldWithNothingChanged() {
        WorkOrder wo = open("保养");
        long job = wo.jobs().get(0).id();
        wo = shop.jobs.addLine(wo.id(), job, wo.version(), pads("880"), ADVISOR);
        long line = last(wo, job).id();
        long id = wo.id();
        long v = wo.version();
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "out_of_range", id,
                () -> prices.setPrice(id, job, line, v, price("-1", null, "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "scale", id,
                () -> prices.setPrice(id, job, line, v, price("99.999", null, "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "discount", "out_of_range", id,
                () -> prices.setPrice(id, job, line, v, price(null, "-0.01", "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "discount", "discount.too_high", id,
                () -> prices.setPrice(id, job, line, v, price(null, "880.01", "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "discount", "scale", id,
                () -> prices.setPrice(id, job, line, v, price(null, "1.001", "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "required", id,
                () -> prices.setPrice(id, job, line, v, price(null, null, "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "unitPrice", "price.unchanged", id,
                () -> prices.setPrice(id, job, line, v, price("880", null, "x"), MANAGER));
        refused(DmsException.Kind.INVALID_INPUT, "reason", "too_long", id,
                () -> prices.setPrice(id, job, line, v, price("800", null, "很".repeat(201)), ADVISOR));
        refused(DmsException.Kind.CONFLICT, "version", "stale_version", id,
                () -> prices.setPrice(id, job, line, v - 1, price("900", null, null), ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "lineId", "not_found", id,
                () -> prices.setPrice(id, job, line + 1000, v, price("900", null, null), ADVISOR));
        refused(DmsException.Kind.NOT_FOUND, "requestId", "not_found", id,
                () -> prices.approve(Long.MAX_VALUE, "x", MANAGER));
    }

    @Test
    void theAdminHasNoLimitAndTheConfiguredLimitsAreTaken() {
        assertNull(prices.discountLimit(ADMIN));
        PriceRules.Limits limits = PriceRules.Limits.parse(" advisor = 5.5 , cashier=unlimited ");
        assertEquals(yuan("5.50"), limits.of(ADVISOR));
        assertNull(limits.of(new Actor("c", Set.of("cashier"), Channel.REST)));
        assertEquals(yuan("0.00"), limits.of(MANAGER), "a role left out has no discount of its own");
        for (String bad : List.of("advisor", "advisor=101", "advisor=-1", "advisor=1.234", "advisor=ten",
                "advisor=1,advisor=2", "=5")) {
            assertNull(PriceRules.Limits.parse(bad), bad);
        }
    }
}
