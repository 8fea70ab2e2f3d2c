package org.opendms.parts.impl;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.Transfer;
import org.opendms.parts.api.TransferDraft;
import org.opendms.parts.api.TransferStatus;
import org.opendms.parts.api.Transfers;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.StaleVersion;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Transfers: TRANSFER_OUT rows and the destination's in-transit figure when sent, TRANSFER_IN rows when received. */
@Component(service = Transfers.class)
public class JpaTransfers implements Transfers {

    @Reference
    PartsContext ctx;

    @Reference
    LedgerEngine engine;

    private record Done(Transfer transfer, LedgerEngine.Posted posted) {
    }

    @Override
    public Transfer send(TransferDraft draft, Actor actor) {
        ctx.permissions.require(actor, "parts.stock.transfer");
        Violations v = new Violations();
        if (draft == null) {
            throw DmsException.invalid("lines", "required", "请填写调拨单", "the transfer is required");
        }
        if (draft.fromWarehouseId() == draft.toWarehouseId()) {
            v.add("toWarehouseId", "transfer.same_warehouse", "调入仓库不能与调出仓库相同",
                    "the destination must be another warehouse");
        }
        if (draft.lines().isEmpty()) {
            v.add("lines", "required", "请至少填写一行", "at least one line is required");
        }
        if (draft.lines().size() > LedgerEngine.MAX_LINES) {
            v.add("lines", "too_many", "一张调拨单最多 " + LedgerEngine.MAX_LINES + " 行",
                    "at most " + LedgerEngine.MAX_LINES + " lines a transfer");
        }
        Set<Long> partIds = new HashSet<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            TransferDraft.Line l = draft.lines().get(i);
            if (l == null) {
                v.add("lines[" + i + "]", "required", "调拨行不能为空", "a line is required");
            } else if (!partIds.add(l.partId())) {
                v.add("lines[" + i + "].partId", "duplicate", "同一配件在调拨单中只能出现一次",
                        "a part appears once in a transfer");
            }
        }
        String reason = Quantities.text(draft.reason());
        v.maxLength("reason", reason, 200);
        v.throwIfAny();
        Done done = ctx.write(em -> {
            WarehouseEntity from = JpaWarehouses.find(em, draft.fromWarehouseId());
            WarehouseEntity to = JpaWarehouses.find(em, draft.toWarehouseId());
            Violations w = new Violations();
            if (!to.active) {
                w.add("toWarehouseId", "warehouse.inactive", "仓库 " + to.code + " 已停用", "warehouse " + to.code
                        + " is inactive");
            } else if (WarehouseKind.OLD_PARTS.name().equals(to.kind)) {
                w.add("toWarehouseId", "warehouse.old_parts", "不能调拨到旧件库", "nothing is transferred into old parts");
            }
            w.throwIfAny();
            Instant now = ctx.clock.now();
            TransferEntity t = new TransferEntity();
            t.number = nextNumber(em, now);
            t.fromWarehouseId = from.id;
            t.toWarehouseId = to.id;
            t.status = TransferStatus.IN_TRANSIT.name();
            t.reason = reason;
            t.sentBy = actor.username();
            t.sentAt = Stored.utc(now);
            em.persist(t);
            em.flush();
            List<LedgerEngine.Line> lines = new ArrayList<>();
            for (int i = 0; i < draft.lines().size(); i++) {
                TransferDraft.Line l = draft.lines().get(i);
                lines.add(new LedgerEngine.Line(new MovementDraft(MovementType.TRANSFER_OUT, l.partId(), from.id,
                        l.fromBinId(), l.quantity(), null, null, null, null, null, t.number, reason),
                        "lines[" + i + "].", t.id, to.id, null, null));
            }
            LedgerEngine.Posted posted = engine.apply(em, lines, actor);
            em.flush();
            Transfer sent = transfer(em, t, ctx.seesCost(actor));
            ctx.audit.record(em, actor, "transfer", t.id, null, sent);
            return new Done(sent, posted);
        });
        engine.tell(done.posted());
        return done.transfer();
    }

    @Override
    public Transfer receive(long transferId, long expectedVersion, Long binId, Actor actor) {
        ctx.permissions.require(actor, "parts.stock.transfer");
        Done done;
        try {
            done = ctx.write(em -> {
                TransferEntity t = em.find(TransferEntity.class, transferId, LockModeType.PESSIMISTIC_WRITE);
                if (t == null) {
                    throw notFound(transferId);
                }
                StaleVersion.check(t.version, expectedVersion, "调拨单 " + t.number, "transfer " + t.number);
                if (!TransferStatus.IN_TRANSIT.name().equals(t.status)) {
                    throw DmsException.conflict("transferId", "transfer.received", "调拨单 " + t.number + " 已接收",
                            "transfer " + t.number + " was already received");
                }
                Transfer before = transfer(em, t, true);
                List<LedgerEngine.Line> lines = new ArrayList<>();
                List<TransferLineEntity> sent = lines(em, t.id);
                for (int i = 0; i < sent.size(); i++) {
                    TransferLineEntity l = sent.get(i);
                    lines.add(new LedgerEngine.Line(new MovementDraft(MovementType.TRANSFER_IN, l.partId,
                            t.toWarehouseId, binId, l.quantity, null, l.batchNumber, l.expiresOn, null, null,
                            t.number, null), "lines[" + i + "].", t.id, null, l.unitCost, l.expiresOn));
                }
                LedgerEngine.Posted posted = engine.apply(em, lines, actor);
                Instant now = ctx.clock.now();
                t.status = TransferStatus.RECEIVED.name();
                t.receivedBy = actor.username();
                t.receivedAt = Stored.utc(now);
                em.flush();
                Transfer after = transfer(em, t, ctx.seesCost(actor));
                ctx.audit.record(em, actor, "transfer", t.id, before, transfer(em, t, true));
                return new Done(after, posted);
            });
        } catch (PersistenceException e) {
            if (StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal("调拨单", "the transfer");
            }
            throw e;
        }
        engine.tell(done.posted());
        return done.transfer();
    }

    @Override
    public Transfer get(long transferId, Actor actor) {
        ctx.permissions.require(actor, "parts.read");
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> {
            TransferEntity t = em.find(TransferEntity.class, transferId);
            if (t == null) {
                throw notFound(transferId);
            }
            return transfer(em, t, costs);
        });
    }

    @Override
    public List<Transfer> inTransit(long warehouseId, boolean outgoing, Actor actor) {
        ctx.permissions.require(actor, "parts.read");
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> em.createQuery("SELECT t FROM TransferEntity t WHERE t.status = 'IN_TRANSIT' AND "
                + (outgoing ? "t.fromWarehouseId" : "t.toWarehouseId") + " = :w ORDER BY t.id", TransferEntity.class)
                .setParameter("w", warehouseId).getResultList().stream().map(t -> transfer(em, t, costs)).toList());
    }

    private static DmsException notFound(long id) {
        return DmsException.notFound("transferId", "调拨单 " + id + " 不存在", "transfer " + id + " does not exist");
    }

    private static List<TransferLineEntity> lines(EntityManager em, long transferId) {
        return em.createQuery("SELECT l FROM TransferLineEntity l WHERE l.transferId = :t ORDER BY l.id",
                TransferLineEntity.class).setParameter("t", transferId).getResultList();
    }

    private static Transfer transfer(EntityManager em, TransferEntity t, boolean costs) {
        Map<Long, String> numbers = new HashMap<>();
        List<Transfer.Line> lines = lines(em, t.id).stream()
                .map(l -> new Transfer.Line(l.partId,
                        numbers.computeIfAbsent(l.partId, id -> em.find(PartEntity.class, id).number), l.quantity,
                        costs ? l.unitCost : null))
                .toList();
        return new Transfer(t.id, t.number, t.fromWarehouseId, t.toWarehouseId, TransferStatus.valueOf(t.status),
                lines, t.reason, t.sentBy, Stored.instant(t.sentAt), t.receivedBy, Stored.instant(t.receivedAt),
                t.version);
    }

    /** DB + the shop's date + a number of the day: DB20261202-0001. */
    private String nextNumber(EntityManager em, Instant now) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(now.atZone(ctx.clock.zone()).toLocalDate());
        String name = "DB" + day;
        CounterEntity c = em.find(CounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            c = new CounterEntity();
            c.name = name;
            em.persist(c);
            em.flush(); // a second first transfer of the day fails here (pk_pt_counter) and runs again
        }
        c.lastValue++;
        return name + "-" + String.format("%04d", c.lastValue);
    }
}
