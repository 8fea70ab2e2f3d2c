package org.opendms.printing.impl;

import java.time.Instant;
import java.util.List;

import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerService;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.parts.api.workorder.WorkOrderParts;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.printing.api.SheetKind;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.workorder.api.Clocks;
import org.opendms.workorder.api.Dispatch;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Reads what a sheet prints from the published APIs of work orders, parts, settlement, customers and vehicles, and
 * refuses a sheet that cannot be printed yet. Only reads configuration at activation.
 */
@Component(service = VisitReader.class, configurationPid = "org.opendms.printing")
@Designate(ocd = PrintingConfig.class)
public class VisitReader {

    @Reference
    WorkOrders workOrders;

    @Reference
    Dispatch dispatch;

    @Reference
    Clocks clocks;

    @Reference
    WorkOrderParts parts;

    @Reference
    Settlements settlements;

    @Reference
    CustomerService customers;

    @Reference
    VehicleService vehicles;

    @Reference
    ShopClock clock;

    private volatile PrintingConfig config;
    private volatile Guarantees guarantees;

    @Activate
    @Modified
    void configure(PrintingConfig c) {
        guarantees = new Guarantees(c.guarantees(), c.repairClasses());
        config = c;
    }

    PrintingConfig config() {
        return config;
    }

    /**
     * The visit as {@code kind} needs it.
     *
     * @param actor    the user printing; null for the customer's e-bill (no personal data but the name is read)
     * @param eBillUrl the link for the bill's QR code; null for none
     */
    Visit read(SheetKind kind, long id, Actor actor, String eBillUrl) {
        WorkOrder wo = workOrders.get(id);
        Customer customer = actor == null ? customers.get(wo.customerId()) : customers.get(wo.customerId(), actor);
        Vehicle vehicle = vehicles.get(wo.vehicleId());
        PrintingConfig c = config;
        Instant completedAt = completedAt(workOrders.history(id));
        List<Settlement> documents = List.of();
        PickList pickList = null;
        Visit.Guarantee guarantee = null;
        switch (kind) {
        case PICK_LIST -> pickList = parts.pickList(id, actor);
        case BILL -> {
            documents = settlements.forWorkOrder(id);
            if (BillSheets.standing(documents).isEmpty()) {
                throw DmsException.conflict("workOrderId", "settlement.none", "该工单尚未结算，没有结算单可打印",
                        "the work order is not settled: there is no bill to print");
            }
        }
        case CERTIFICATE -> {
            if (wo.status() != WorkOrderStatus.COMPLETED && wo.status() != WorkOrderStatus.DELIVERED) {
                throw DmsException.conflict("workOrderId", "workorder.not_completed", "工单完工后才能打印竣工出厂合格证",
                        "the completion certificate prints once the work order is completed");
            }
            guarantee = guarantees.of(wo.visitTypes());
        }
        default -> {
        }
        }
        boolean workshop = kind == SheetKind.JOB_SHEET;
        return new Visit(c.shopName(), wo, customer, vehicle, workshop ? dispatch.assignments(id) : List.of(),
                workshop ? clocks.clocks(id) : List.of(), pickList, documents, eBillUrl, guarantee, completedAt,
                c.terms(), clock.zone(), clock.now());
    }

    static Instant completedAt(List<StatusChange> history) {
        Instant at = null;
        for (StatusChange change : history) {
            if (change.to() == WorkOrderStatus.COMPLETED) {
                at = change.at();
            }
        }
        return at;
    }
}
