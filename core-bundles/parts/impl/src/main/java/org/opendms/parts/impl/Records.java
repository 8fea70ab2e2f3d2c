package org.opendms.parts.impl;

import java.time.LocalDate;

import org.opendms.parts.api.Batch;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.Prices;
import org.opendms.parts.api.Reservation;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Supersession;
import org.opendms.parts.api.SupersessionKind;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.platform.api.Stored;

/** Rows as the API's records. */
final class Records {

    private Records() {
    }

    /** The part; its successor only once the supersession is in effect on {@code today}. */
    static Part part(PartEntity e, LocalDate today) {
        Long successor = e.supersededBy != null && (e.supersededFrom == null || !e.supersededFrom.isAfter(today))
                ? e.supersededBy
                : null;
        return new Part(e.id, new PartNumber(e.number, e.key), e.name, e.brand, e.category, e.unit,
                new Prices(e.retail, e.warranty, e.insurance, e.internal), e.taxRate, e.fitmentNotes, e.batchTracked,
                e.decimal, e.active, successor, e.version, e.createdAt());
    }

    static Supersession supersession(SupersessionEntity e, String successorNumber) {
        return new Supersession(e.id, e.partId, SupersessionKind.valueOf(e.kind), e.successorId, successorNumber,
                e.quantity, e.effectiveFrom, e.note, e.createdBy, Stored.instant(e.createdAt));
    }

    static Warehouse warehouse(WarehouseEntity e) {
        return new Warehouse(e.id, e.code, e.name, WarehouseKind.valueOf(e.kind), e.active,
                e.defaultBinId == null ? 0 : e.defaultBinId, e.version);
    }

    static Bin bin(BinEntity e) {
        return new Bin(e.id, e.warehouseId, e.code, e.area, e.shelf, e.level, e.active);
    }

    static Batch batch(BatchEntity e) {
        return new Batch(e.partId, e.warehouseId, e.binId, e.batchNumber, e.expiresOn, e.onHand);
    }

    static Reservation reservation(ReservationEntity e) {
        return new Reservation(e.id, e.partId, e.warehouseId, e.workOrderId, e.lineId, e.quantity, e.shortfall,
                e.username, Stored.instant(e.reservedAt));
    }

    static StockMovement movement(MovementEntity m, String partNumber, boolean costs) {
        return new StockMovement(m.id, m.postingId, MovementType.valueOf(m.movementType), m.partId, partNumber,
                m.warehouseId, m.binId, m.batchNumber, m.quantity, costs ? m.unitCost : null,
                costs ? m.moveValue : null, m.onHandAfter, costs ? m.averageCostAfter : null, m.workOrderId, m.lineId,
                m.transferId, m.reference, m.reason, m.username, Stored.instant(m.movedAt));
    }
}
