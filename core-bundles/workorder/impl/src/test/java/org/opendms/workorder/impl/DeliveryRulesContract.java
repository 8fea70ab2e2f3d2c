package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opendms.workorder.impl.WorkOrderServiceContract.ADVISOR;
import static org.opendms.workorder.impl.WorkOrderServiceContract.MANAGER;
import static org.opendms.workorder.impl.WorkOrderServiceContract.START;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.vehicle.impl.CoreFilesForTests;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.DeliveryRule;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/**
 * Delivery asks the registered delivery rules (the settlement module: no car leaves unpaid): a refusal keeps the work
 * order COMPLETED with nothing changed; without rules, delivery is as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryRulesContract {

    private static final AtomicInteger NUMBERS = new AtomicInteger(80000);

    TestDatabase db;
    VehicleService vehicles;
    Workshop shop;
    long owner;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        CoreFilesForTests core = CoreFilesForTests.on(db);
        vehicles = core.vehicles();
        shop = Workshop.on(db, core, new MutableShopClock(START));
        owner = core.customers().create(new CustomerDraft(CustomerType.PERSON, "吴磊", "13755550029", null, null,
                List.of(), false, null), ADVISOR).id();
    }

    @AfterEach
    void noRules() {
        shop.store.deliveryRules = List.of();
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    WorkOrder completed() {
        String serial = String.format("%06d", NUMBERS.incrementAndGet());
        String draft = "LSVAU2180N2" + serial;
        String vin = draft.substring(0, 8) + Vin.checkDigit(draft) + draft.substring(9);
        Vehicle v = vehicles.create(new VehicleDraft(vin, "苏E" + (NUMBERS.get() % 90000 + 10000), "大众", "速腾", 2021,
                null, null, null, owner, null, null, null, null), ADVISOR);
        WorkOrder w = shop.reception.open(new ReceptionDraft(v.plate(), null, null, 20_000, null, 50, null,
                List.of(JobDraft.customer("保养")), null, null, Set.of(VisitType.MAINTENANCE), null), ADVISOR);
        w = shop.jobs.addLine(w.id(), w.jobs().get(0).id(), w.version(), LineDraft.part("A-1", "滤清器", "1", "45",
                null), ADVISOR);
        w = shop.jobs.approve(w.id(), w.jobs().get(0).id(), w.version(),
                new ApprovalDraft("吴磊", ApprovalChannel.PHONE), ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.IN_REPAIR, null, null, ADVISOR);
        w = shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.AWAITING_QC, null, "只换滤清器", MANAGER);
        for (QcLevel level : QcLevel.values()) {
            w = shop.qc.check(w.id(), w.version(), level, true, null, MANAGER);
        }
        return shop.flow.changeStatus(w.id(), w.version(), WorkOrderStatus.COMPLETED, null, null, ADVISOR);
    }

    @Test
    void deliveryRefusedWithEveryRulesReasonAndNothingChanged() {
        List<WorkOrder> asked = new CopyOnWriteArrayList<>();
        DeliveryRule unpaid = wo -> {
            asked.add(wo);
            return List.of(new Violation("status", "settlement.unpaid", "客户结算单未收款", "the bill is not paid"));
        };
        shop.store.deliveryRules = List.of(unpaid, wo -> List.of());
        WorkOrder done = completed();
        DmsException e = assertThrows(DmsException.class, () -> shop.flow.changeStatus(done.id(), done.version(),
                WorkOrderStatus.DELIVERED, null, null, ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("settlement.unpaid", e.violations().get(0).code());
        WorkOrder after = shop.workOrders.get(done.id());
        assertEquals(WorkOrderStatus.COMPLETED, after.status());
        assertEquals(done.version(), after.version());
        assertEquals(done.id(), asked.get(0).id());

        shop.store.deliveryRules = List.of(wo -> List.of());
        assertEquals(WorkOrderStatus.DELIVERED, shop.flow.changeStatus(done.id(), done.version(),
                WorkOrderStatus.DELIVERED, null, null, ADVISOR).status());
    }

    @Test
    void withoutRulesDeliveryIsAsBefore() {
        WorkOrder done = completed();
        assertEquals(WorkOrderStatus.DELIVERED, shop.flow.changeStatus(done.id(), done.version(),
                WorkOrderStatus.DELIVERED, null, null, ADVISOR).status());
    }
}
