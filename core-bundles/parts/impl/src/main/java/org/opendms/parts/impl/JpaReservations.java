package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.opendms.parts.api.Reservation;
import org.opendms.parts.api.Reservations;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.parts.api.event.ReservationEvent;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reservations under the same stock-row lock as the ledger, so reserved never exceeds what was there to reserve. */
@Component(service = Reservations.class)
public class JpaReservations implements Reservations {

    static final String RESERVE = "parts.reserve";

    @Reference
    PartsContext ctx;

    private record Done(Reservation reservation, List<ReservationEvent> events) {
    }

    @Override
    public Reservation reserve(long partId, long warehouseId, BigDecimal quantity, long workOrderId, long lineId,
            boolean partial, Actor actor) {
        ctx.permissions.require(actor, RESERVE);
        if (quantity == null) {
            throw DmsException.invalid("quantity", "required", "请填写数量", "quantity is required");
        }
        Done done = ctx.write(em -> {
            PartEntity p = JpaCatalogue.find(em, partId);
            WarehouseEntity w = JpaWarehouses.find(em, warehouseId);
            Violations v = new Violations();
            BigDecimal q = quantity.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : Quantities.quantity(v, "quantity", quantity, false, p.decimal);
            if (!p.active) {
                v.add("partId", "part.inactive", "配件 " + p.number + " 已停用", "part " + p.number + " is withdrawn");
            }
            if (!w.active || WarehouseKind.OLD_PARTS.name().equals(w.kind)) {
                v.add("warehouseId", "warehouse.not_for_issue", "仓库 " + w.code + " 不能预留配件",
                        "nothing is reserved in warehouse " + w.code);
            }
            v.throwIfAny();
            StockEntity s = LedgerEngine.lock(em, partId, warehouseId);
            ReservationEntity r = LedgerEngine.reservation(em, workOrderId, lineId, warehouseId);
            Reservation before = r == null ? null : Records.reservation(r);
            BigDecimal current = r == null ? BigDecimal.ZERO.setScale(2) : r.quantity;
            BigDecimal free = s.onHand.subtract(s.reserved.subtract(current)).max(BigDecimal.ZERO.setScale(2));
            BigDecimal reserved;
            BigDecimal shortfall;
            if (q.compareTo(free) <= 0) {
                reserved = q;
                shortfall = BigDecimal.ZERO.setScale(2);
            } else if (partial) {
                reserved = free;
                shortfall = q.subtract(free);
            } else {
                throw DmsException.conflict("quantity", "stock.insufficient",
                        "配件 " + p.number + " 在仓库 " + w.code + " 可预留 " + Quantities.show(free) + "，不够 "
                                + Quantities.show(q),
                        "part " + p.number + " in " + w.code + " has " + Quantities.show(free)
                                + " to reserve, less than " + Quantities.show(q));
            }
            s.reserved = s.reserved.subtract(current).add(reserved);
            s.version++;
            Instant now = ctx.clock.now();
            if (r == null) {
                r = new ReservationEntity();
                r.partId = partId;
                r.warehouseId = warehouseId;
                r.workOrderId = workOrderId;
                r.lineId = lineId;
                r.firstReservedAt = Stored.utc(now);
                r.firstQuantity = reserved;
                r.firstShortfall = shortfall;
            }
            r.quantity = reserved;
            r.shortfall = shortfall;
            r.username = actor.username();
            r.reservedAt = Stored.utc(now);
            if (r.id == null) {
                em.persist(r);
            }
            em.flush();
            Reservation after = Records.reservation(r);
            ctx.audit.record(em, actor, "reservation", r.id, before, after);
            return new Done(after, List.of(new ReservationEvent(partId, p.number, warehouseId, workOrderId, lineId,
                    reserved, shortfall, actor.username(), now)));
        });
        tell(done.events());
        return done.reservation();
    }

    @Override
    public List<Reservation> release(long workOrderId, long lineId, String reason, Actor actor) {
        ctx.permissions.require(actor, RESERVE);
        String why = Quantities.text(reason);
        Violations v = new Violations();
        v.maxLength("reason", why, 200);
        v.throwIfAny();
        List<Object> result = ctx.write(em -> {
            List<ReservationEntity> rows = new ArrayList<>(em.createQuery("SELECT r FROM ReservationEntity r"
                    + " WHERE r.workOrderId = :o AND r.lineId = :l AND (r.quantity > 0 OR r.shortfall > 0)",
                    ReservationEntity.class).setParameter("o", workOrderId).setParameter("l", lineId)
                    .getResultList());
            rows.sort(
                    Comparator.comparingLong((ReservationEntity r) -> r.partId).thenComparingLong(r -> r.warehouseId));
            List<Reservation> released = new ArrayList<>();
            List<ReservationEvent> events = new ArrayList<>();
            Instant now = ctx.clock.now();
            for (ReservationEntity r : rows) {
                StockEntity s = LedgerEngine.lock(em, r.partId, r.warehouseId);
                em.refresh(r);
                Reservation before = Records.reservation(r);
                released.add(before);
                s.reserved = s.reserved.subtract(r.quantity).max(BigDecimal.ZERO.setScale(2));
                s.version++;
                r.quantity = BigDecimal.ZERO.setScale(2);
                r.shortfall = BigDecimal.ZERO.setScale(2);
                em.flush();
                java.util.Map<String, Object> after = new java.util.HashMap<>();
                after.put("quantity", r.quantity);
                after.put("shortfall", r.shortfall);
                after.put("reason", why);
                java.util.Map<String, Object> was = new java.util.HashMap<>();
                was.put("quantity", before.quantity());
                was.put("shortfall", before.shortfall());
                ctx.audit.record(em, actor, "reservation", r.id, was, after);
                events.add(new ReservationEvent(r.partId, partNumber(em, r.partId), r.warehouseId, workOrderId,
                        lineId, r.quantity, r.shortfall, actor.username(), now));
            }
            return List.of(released, events);
        });
        @SuppressWarnings("unchecked")
        List<ReservationEvent> events = (List<ReservationEvent>) result.get(1);
        tell(events);
        @SuppressWarnings("unchecked")
        List<Reservation> released = (List<Reservation>) result.get(0);
        return released;
    }

    @Override
    public Optional<Reservation> forLine(long workOrderId, long lineId, long warehouseId) {
        return ctx.read(em -> Optional.ofNullable(LedgerEngine.reservation(em, workOrderId, lineId, warehouseId))
                .map(Records::reservation));
    }

    @Override
    public List<Reservation> forWorkOrder(long workOrderId) {
        return ctx.read(em -> em.createQuery("SELECT r FROM ReservationEntity r WHERE r.workOrderId = :o"
                + " AND (r.quantity > 0 OR r.shortfall > 0) ORDER BY r.lineId, r.warehouseId", ReservationEntity.class)
                .setParameter("o", workOrderId).getResultList().stream().map(Records::reservation).toList());
    }

    private static String partNumber(EntityManager em, long partId) {
        return em.find(PartEntity.class, partId).number;
    }

    private void tell(List<ReservationEvent> events) {
        for (ReservationEvent e : events) {
            ctx.tell(PartsListener::reservationChanged, e, "reservation of line " + e.lineId());
        }
    }
}
