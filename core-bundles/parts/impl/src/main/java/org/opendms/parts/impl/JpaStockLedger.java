package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The ledger service: a posting in its own transaction (or the caller's), its events after the commit. */
@Component(service = StockLedger.class)
public class JpaStockLedger implements StockLedger {

    static final String LEDGER_READ = "parts.ledger.read";

    @Reference
    PartsContext ctx;

    @Reference
    LedgerEngine engine;

    @Override
    public Posting post(List<MovementDraft> lines, Actor actor) {
        LedgerEngine.Posted posted = ctx.write(em -> engine.post(em, lines, actor));
        engine.tell(posted);
        return posted.posting();
    }

    @Override
    public Posting posting(long postingId, Actor actor) {
        ctx.permissions.require(actor, LEDGER_READ);
        boolean costs = ctx.seesCost(actor);
        return ctx.read(em -> {
            PostingEntity p = em.find(PostingEntity.class, postingId);
            if (p == null) {
                throw DmsException.notFound("postingId", "过账 " + postingId + " 不存在",
                        "posting " + postingId + " does not exist");
            }
            Map<Long, String> numbers = new HashMap<>();
            List<StockMovement> rows = em.createQuery("SELECT m FROM MovementEntity m WHERE m.postingId = :p"
                    + " ORDER BY m.id", MovementEntity.class).setParameter("p", postingId).getResultList().stream()
                    .map(m -> Records.movement(m, number(em, numbers, m.partId), costs)).toList();
            return new Posting(p.id, rows, p.username, Stored.instant(p.postedAt));
        });
    }

    @Override
    public Page<StockMovement> search(LedgerQuery query, PageRequest page, Actor actor) {
        ctx.permissions.require(actor, LEDGER_READ);
        boolean costs = ctx.seesCost(actor);
        PagedSearch<MovementEntity> search = PagedSearch.of(MovementEntity.class, "m");
        if (query != null) {
            if (query.partId() != null) {
                search.where("m.partId = :part", "part", query.partId());
            }
            if (query.warehouseId() != null) {
                search.where("m.warehouseId = :wh", "wh", query.warehouseId());
            }
            if (query.type() != null) {
                search.where("m.movementType = :type", "type", query.type().name());
            }
            if (query.workOrderId() != null) {
                search.where("m.workOrderId = :wo", "wo", query.workOrderId());
            }
            if (query.from() != null) {
                search.where("m.movedAt >= :from", "from", Stored.utc(query.from()));
            }
            if (query.to() != null) {
                search.where("m.movedAt < :to", "to", Stored.utc(query.to()));
            }
        }
        return ctx.read(em -> {
            Map<Long, String> numbers = new HashMap<>();
            return search.page(em, "m.id DESC", page, m -> Records.movement(m, number(em, numbers, m.partId), costs));
        });
    }

    @Override
    public BigDecimal issuedToLine(long workOrderId, long lineId) {
        return ctx.read(em -> {
            BigDecimal sum = em.createQuery("SELECT SUM(m.quantity) FROM MovementEntity m WHERE m.workOrderId = :o"
                    + " AND m.lineId = :l AND m.movementType IN ('ISSUE', 'RETURN')", BigDecimal.class)
                    .setParameter("o", workOrderId).setParameter("l", lineId).getSingleResult();
            return sum == null ? BigDecimal.ZERO.setScale(2) : sum.negate().setScale(2);
        });
    }

    private static String number(javax.persistence.EntityManager em, Map<Long, String> numbers, long partId) {
        return numbers.computeIfAbsent(partId, id -> em.find(PartEntity.class, id).number);
    }
}
