package org.opendms.parts.impl.workorder;

import static org.opendms.parts.impl.workorder.WorkOrderPartsService.CLOSED;
import static org.opendms.parts.impl.workorder.WorkOrderPartsService.label;
import static org.opendms.parts.impl.workorder.WorkOrderPartsService.plain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.Reservation;
import org.opendms.parts.api.event.StockEvent;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.Stored;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.WorkOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock ledger's events as a work order sees them: an issue or return posted for one of its part lines (from the
 * pick list or the parts movements) updates the line and its timeline; a receipt of a part ordered for work orders
 * marks their orders arrived, reserves the part and tells each work order it can go on. Uses the component's
 * references ({@link WorkOrderPartsService}), which is the PartsListener registered.
 */
final class StockEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderPartsService.class);

    private final WorkOrderPartsService s;

    StockEvents(WorkOrderPartsService s) {
        this.s = s;
    }

    /** An issue to a work-order line, however posted (the pick list, /api/parts/movements): the line learns of it. */
    void issued(StockEvent event) {
        mirror(event, PartLines.ISSUED, "领料", "issued");
    }

    void returned(StockEvent event) {
        mirror(event, PartLines.RETURNED, "退料", "returned");
    }

    private void mirror(StockEvent event, String kind, String zh, String en) {
        if (event.workOrderId() == null || event.lineId() == null) {
            return;
        }
        WorkOrder wo = s.workOrders.get(event.workOrderId());
        Line line = wo.jobs().stream().flatMap(j -> j.lines().stream()).filter(l -> l.id() == event.lineId())
                .findFirst().orElse(null);
        if (line == null) {
            LOG.warn("{} {} of {} names line {} that work order {} no longer has", kind, event.quantity(),
                    event.partNumber(), event.lineId(), wo.number());
            return;
        }
        String bin = binCode(event);
        String where = bin == null ? "" : "（库位 " + bin + "）";
        String whereEn = bin == null ? "" : " (bin " + bin + ")";
        // recorded by the system for the clerk who posted it: the clerk's name is the one shown
        Actor clerk = new Actor(event.username(), Set.of(Roles.ADMIN), Channel.SYSTEM);
        s.tellLine(wo.id(), line, kind, zh + " " + plain(event.quantity().abs()) + "「" + label(line) + "」" + where,
                en + " " + plain(event.quantity().abs()) + " '" + label(line) + "'" + whereEn, clerk);
    }

    private String binCode(StockEvent event) {
        try {
            return s.warehouses.bin(event.binId()).code();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A receipt of a part ordered for work orders: each open order it fills is arrived, reserved, told. */
    void received(StockEvent event) {
        String key = PartNumber.key(event.partNumber());
        LocalDateTime at = Stored.utc(event.at());
        List<PartOrderEntity> arrived = s.jpa.txExpr(em -> {
            List<PartOrderEntity> open = em.createQuery("SELECT o FROM PartOrderEntity o WHERE o.partKey = :k"
                    + " AND o.status = :s ORDER BY o.id", PartOrderEntity.class).setParameter("k", key)
                    .setParameter("s", PartOrderEntity.OPEN).getResultList();
            List<PartOrderEntity> filled = new ArrayList<>();
            BigDecimal left = event.quantity();
            for (PartOrderEntity o : open) {
                if (!filled.isEmpty() && left.compareTo(o.quantity) < 0) {
                    break;
                }
                o.status = PartOrderEntity.ARRIVED;
                o.arrivedAt = at;
                o.receiptMovementId = event.movementId();
                left = left.subtract(o.quantity);
                filled.add(o);
            }
            return filled;
        });
        Actor system = Actor.system();
        for (PartOrderEntity o : arrived) {
            try {
                WorkOrder wo = s.workOrders.get(o.workOrderId);
                Line line = wo.jobs().stream().flatMap(j -> j.lines().stream()).filter(l -> l.id() == o.lineId)
                        .findFirst().orElse(null);
                String reserved = "";
                String reservedEn = "";
                if (line != null && !CLOSED.contains(wo.status())) {
                    BigDecimal need = line.quantity().subtract(s.ledger.issuedToLine(wo.id(), line.id()));
                    if (need.signum() > 0) {
                        Reservation r = s.reservations.reserve(event.partId(), event.warehouseId(), need, wo.id(),
                                line.id(), true, system);
                        reserved = "，已预留 " + plain(r.quantity());
                        reservedEn = ", " + plain(r.quantity()) + " reserved";
                    }
                }
                s.step(o.workOrderId, line == null ? null : o.lineId, PartLines.ARRIVED,
                        "订购的配件 " + o.partNumber + " 已到货 " + plain(event.quantity()) + reserved + "，可安排维修",
                        "ordered part " + o.partNumber + " arrived (" + plain(event.quantity()) + ")" + reservedEn
                                + "; the repair can go on",
                        system);
            } catch (RuntimeException e) {
                LOG.warn("arrival of {} for work order {} not told", o.partNumber, o.workOrderId, e);
            }
        }
    }
}
