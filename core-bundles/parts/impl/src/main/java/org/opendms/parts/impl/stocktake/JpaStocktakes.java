package org.opendms.parts.impl.stocktake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.stocktake.Count;
import org.opendms.parts.api.stocktake.Stocktake;
import org.opendms.parts.api.stocktake.StocktakeDraft;
import org.opendms.parts.api.stocktake.StocktakeEvent;
import org.opendms.parts.api.stocktake.StocktakeLine;
import org.opendms.parts.api.stocktake.StocktakeListener;
import org.opendms.parts.api.stocktake.StocktakeStatus;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.parts.impl.purchasing.Checks;
import org.opendms.parts.impl.purchasing.DocumentNumbers;
import org.opendms.parts.impl.purchasing.PartRefs;
import org.opendms.parts.impl.purchasing.StockFigures;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Stocktakes on JPA. The rule for movements during a stocktake is the package's: a count is compared with the book
 * quantity of its bin (and batch) when it is entered, and the approval posts each variance as a delta, in one posting
 * that joins the approval's transaction.
 */
@Component(service = Stocktakes.class)
public class JpaStocktakes implements Stocktakes {

    static final int COUNTS_MAX = 1000;
    private static final Set<StocktakeStatus> OPEN = EnumSet.of(StocktakeStatus.COUNTING, StocktakeStatus.SUBMITTED);
    private static final Pattern LEDGER_LINE = Pattern.compile("^lines\\[(\\d+)\\](.*)$");

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    @Reference
    AuditTrail audit;

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    StockLedger ledger;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<StocktakeListener> listeners = List.of();

    @Override
    public Stocktake open(StocktakeDraft draft, Actor actor) {
        permissions.require(actor, "parts.stocktake.count");
        if (draft == null || draft.warehouseId() == null) {
            throw DmsException.invalid("warehouseId", "required", "请选择盘点仓库", "warehouseId is required");
        }
        Violations v = new Violations();
        Warehouse w = warehouse(draft.warehouseId());
        List<Long> bins = draft.binIds() == null ? List.of() : List.copyOf(new java.util.TreeSet<>(draft.binIds()));
        if (bins.size() > 200) {
            v.add("binIds", "too_many", "一次最多盘点 200 个库位", "at most 200 bins in one stocktake");
        }
        for (Long b : bins) {
            try {
                Bin bin = warehouses.bin(b);
                if (bin.warehouseId() != w.id()) {
                    v.add("binIds", "bin.other_warehouse", "库位 " + bin.code() + " 不属于仓库 " + w.code(),
                            "bin " + bin.code() + " is not in warehouse " + w.code());
                }
            } catch (DmsException e) {
                if (e.kind() != DmsException.Kind.NOT_FOUND) {
                    throw e;
                }
                v.add("binIds", "bin.unknown", "库位 " + b + " 不存在", "bin " + b + " does not exist");
            }
        }
        String note = Checks.text(v, "note", draft.note(), 1000, false);
        v.throwIfAny();
        LocalDate today = clock.today();
        String lock = "STK-W" + w.id();
        DocumentNumbers.ensureLock(jpa, lock);
        Stocktake opened = DocumentNumbers.write(jpa, () -> jpa.txExpr(em -> {
            // one opening per warehouse at a time, so two sheets never take the same bin
            DocumentNumbers.lock(jpa, em, lock);
            for (StocktakeEntity other : em.createQuery("SELECT s FROM StocktakeEntity s WHERE s.warehouseId = :w"
                    + " AND s.status IN :open", StocktakeEntity.class).setParameter("w", w.id())
                    .setParameter("open", List.copyOf(OPEN)).getResultList()) {
                List<Long> taken = bins(other.binIds);
                if (taken.isEmpty() || bins.isEmpty() || taken.stream().anyMatch(bins::contains)) {
                    throw DmsException.conflict("binIds", "stocktake.bin_busy", "盘点单 " + other.number
                            + " 尚未结束，其库位不能再开新的盘点",
                            "stocktake " + other.number
                                    + " is still open on these bins");
                }
            }
            StocktakeEntity e = new StocktakeEntity();
            e.number = DocumentNumbers.next(em, "ST", today);
            e.warehouseId = w.id();
            e.binIds = String.join(",", bins.stream().map(String::valueOf).toList());
            e.status = StocktakeStatus.COUNTING;
            e.frozenAt = Stored.utc(clock.now());
            e.note = note;
            for (StockFigures.Shelf s : StockFigures.shelves(em, w.id(), bins)) {
                if (s.onHand().signum() <= 0) {
                    continue;
                }
                StocktakeLineEntity l = new StocktakeLineEntity();
                l.partId = s.partId();
                l.binId = s.binId();
                l.batchNumber = s.batchNumber();
                l.frozen = s.onHand();
                l.stocktake = e;
                e.lines.add(l);
            }
            e.lines.sort(java.util.Comparator.comparing((StocktakeLineEntity l) -> l.binId)
                    .thenComparing(l -> l.partId)
                    .thenComparing(l -> l.batchNumber == null ? "" : l.batchNumber));
            e.created(clock.now(), actor);
            em.persist(e);
            em.flush();
            Stocktake after = toStocktake(em, e, actor);
            audit.record(em, actor, "stocktake", e.id, null, summary(e));
            return after;
        }));
        tell(StocktakeListener::opened, opened, null, actor);
        return opened;
    }

    @Override
    public Stocktake get(long id, Actor actor) {
        permissions.require(actor, "parts.stocktake.read");
        return jpa.txExpr(em -> toStocktake(em, find(em, id), actor));
    }

    @Override
    public Page<Stocktake> search(Long warehouseId, StocktakeStatus status, PageRequest page, Actor actor) {
        permissions.require(actor, "parts.stocktake.read");
        PagedSearch<StocktakeEntity> search = PagedSearch.of(StocktakeEntity.class, "s");
        if (warehouseId != null) {
            search.where("s.warehouseId = :w", "w", warehouseId);
        }
        if (status != null) {
            search.where("s.status = :status", "status", status);
        }
        return jpa.txExpr(em -> search.page(em, "s.id DESC", page, e -> toStocktake(em, e, actor)));
    }

    @Override
    public Stocktake count(long id, long expectedVersion, List<Count> counts, Actor actor) {
        permissions.require(actor, "parts.stocktake.count");
        if (counts == null || counts.isEmpty()) {
            throw DmsException.invalid("counts", "required", "请填写盘点数量", "give at least one count");
        }
        if (counts.size() > COUNTS_MAX) {
            throw DmsException.invalid("counts", "too_many", "一次最多 " + COUNTS_MAX + " 条", "at most " + COUNTS_MAX
                    + " counts at once");
        }
        // parts named by number are looked up before the transaction (the catalogue has its own)
        Violations v = new Violations();
        Map<Integer, Part> parts = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            String f = "counts[" + i + "]";
            if (c == null) {
                v.add(f, "required", f + " 不能为空", f + " is required");
                continue;
            }
            Checks.count(v, f + ".quantity", c.quantity());
            if (c.lineId() == null) {
                int index = i;
                PartRefs.part(catalogue, v, f, null, c.partNumber()).ifPresent(p -> parts.put(index, p));
            }
        }
        v.throwIfAny();
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            StocktakeEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "盘点单", "the stocktake");
            requireStatus(e, EnumSet.of(StocktakeStatus.COUNTING), "录入盘点数量", "counted");
            Map<String, Object> before = summary(e);
            List<Long> sheetBins = bins(e.binIds);
            Violations refused = new Violations();
            for (int i = 0; i < counts.size(); i++) {
                Count c = counts.get(i);
                String f = "counts[" + i + "]";
                StocktakeLineEntity line = line(em, e, c, parts.get(i), sheetBins, f, refused);
                if (line == null) {
                    continue;
                }
                BigDecimal q = Checks.count(refused, f + ".quantity", c.quantity());
                Map<Long, String[]> names = StockFigures.partNames(em, List.of(line.partId));
                if (q != null && "false".equals(names.get(line.partId)[3]) && q.stripTrailingZeros().scale() > 0) {
                    refused.add(f + ".quantity", "whole_units", "配件 " + names.get(line.partId)[0] + " 按整数盘点",
                            "part " + names.get(line.partId)[0] + " is counted in whole units");
                    continue;
                }
                if (q == null) {
                    continue;
                }
                line.counted = q;
                line.bookAtCount = StockFigures.onHand(em, line.partId, e.warehouseId, line.binId, line.batchNumber);
                line.ledgerMark = StockFigures.ledgerMark(em, line.partId, e.warehouseId, line.binId);
                line.unitCost = StockFigures.averageCost(em, line.partId, e.warehouseId);
                line.countedBy = actor.username();
                line.countedAt = Stored.utc(clock.now());
            }
            refused.throwIfAny();
            e.updated(clock.now(), actor);
            em.flush();
            audit.record(em, actor, "stocktake", id, before, summary(e));
            return toStocktake(em, e, actor);
        }));
    }

    /** The sheet's line a count is for; a part found where the sheet has none gets a new line. */
    private StocktakeLineEntity line(EntityManager em, StocktakeEntity e, Count c, Part part, List<Long> sheetBins,
            String f, Violations v) {
        if (c.lineId() != null) {
            Optional<StocktakeLineEntity> found = e.lines.stream().filter(l -> l.id.equals(c.lineId())).findFirst();
            if (found.isEmpty()) {
                v.add(f + ".lineId", "stocktake.unknown_line", "盘点单 " + e.number + " 没有行 " + c.lineId(),
                        "stocktake " + e.number + " has no line " + c.lineId());
                return null;
            }
            return found.get();
        }
        String batch = c.batchNumber() == null || c.batchNumber().isBlank() ? null : c.batchNumber().strip();
        List<StocktakeLineEntity> candidates = e.lines.stream().filter(l -> l.partId == part.id())
                .filter(l -> c.binId() == null || l.binId == c.binId())
                .filter(l -> batch == null || batch.equals(l.batchNumber)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.size() > 1) {
            v.add(f + (c.binId() == null ? ".binId" : ".batchNumber"), "stocktake.ambiguous",
                    "配件 " + part.number().printed() + " 在盘点单上有多行，请指明库位" + (c.binId() == null ? "" : "和批次"),
                    "part " + part.number().printed() + " has several lines; name the bin"
                            + (c.binId() == null ? "" : " and batch"));
            return null;
        }
        // found where the book has nothing: a new line, with 0 at the freeze
        if (c.binId() == null) {
            v.add(f + ".binId", "required", "配件 " + part.number().printed() + " 不在盘点单上，请指明在哪个库位找到",
                    "part " + part.number().printed() + " is not on the sheet; name the bin it was found in");
            return null;
        }
        if (!sheetBins.isEmpty() && !sheetBins.contains(c.binId())) {
            v.add(f + ".binId", "stocktake.bin_not_on_sheet", "库位 " + c.binId() + " 不在本盘点单范围内",
                    "bin " + c.binId() + " is not on this stocktake");
            return null;
        }
        try {
            if (warehouses.bin(c.binId()).warehouseId() != e.warehouseId) {
                v.add(f + ".binId", "bin.other_warehouse", "库位 " + c.binId() + " 不属于本仓库",
                        "bin " + c.binId() + " is not in this warehouse");
                return null;
            }
        } catch (DmsException x) {
            if (x.kind() != DmsException.Kind.NOT_FOUND) {
                throw x;
            }
            v.add(f + ".binId", "bin.unknown", "库位 " + c.binId() + " 不存在", "bin " + c.binId() + " does not exist");
            return null;
        }
        if (part.batchTracked() && batch == null) {
            v.add(f + ".batchNumber", "required", "配件 " + part.number().printed() + " 按批次管理，请填写批次号",
                    "part " + part.number().printed() + " is kept by batch; give the batch number");
            return null;
        }
        StocktakeLineEntity l = new StocktakeLineEntity();
        l.partId = part.id();
        l.binId = c.binId();
        l.batchNumber = part.batchTracked() ? batch : null;
        l.frozen = BigDecimal.ZERO.setScale(2);
        l.stocktake = e;
        e.lines.add(l);
        return l;
    }

    @Override
    public Stocktake submit(long id, long expectedVersion, Actor actor) {
        permissions.require(actor, "parts.stocktake.count");
        Stocktake s = move(id, expectedVersion, actor, EnumSet.of(StocktakeStatus.COUNTING),
                StocktakeStatus.SUBMITTED, "提交", "submitted", (em, e) -> {
                    long uncounted = e.lines.stream().filter(l -> l.counted == null).count();
                    if (uncounted > 0) {
                        throw DmsException.conflict("lines", "stocktake.uncounted", "还有 " + uncounted + " 行未盘点",
                                uncounted + " lines are not counted yet");
                    }
                });
        tell(StocktakeListener::submitted, s, null, actor);
        return s;
    }

    @Override
    public Stocktake reopen(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "parts.stocktake.approve");
        String why = Checks.reason(reason);
        return move(id, expectedVersion, actor, EnumSet.of(StocktakeStatus.SUBMITTED), StocktakeStatus.COUNTING,
                "退回重盘", "sent back for a recount", (em, e) -> e.reason = why);
    }

    @Override
    public Stocktake approve(long id, long expectedVersion, Actor actor) {
        permissions.require(actor, "parts.stocktake.approve");
        BigDecimal[] posted = new BigDecimal[1];
        Stocktake s = move(id, expectedVersion, actor, EnumSet.of(StocktakeStatus.SUBMITTED), StocktakeStatus.POSTED,
                "审批过账", "approved", (em, e) -> {
                    List<StocktakeLineEntity> varying = new ArrayList<>();
                    List<MovementDraft> adjustments = new ArrayList<>();
                    BigDecimal value = BigDecimal.ZERO;
                    for (StocktakeLineEntity l : e.lines) {
                        BigDecimal variance = l.counted.subtract(l.bookAtCount);
                        if (variance.signum() == 0) {
                            continue;
                        }
                        MovementDraft m = MovementDraft.adjustment(l.partId, e.warehouseId, l.binId, variance,
                                e.number, "盘点 " + e.number + (variance.signum() > 0 ? " 盘盈 gain" : " 盘亏 loss"));
                        if (l.batchNumber != null) {
                            m = m.inBatch(l.batchNumber, null);
                        }
                        varying.add(l);
                        adjustments.add(m);
                        value = value.add(variance.multiply(l.unitCost == null ? BigDecimal.ZERO : l.unitCost));
                    }
                    if (!adjustments.isEmpty()) {
                        Posting posting;
                        try {
                            // joins this transaction: the adjustments commit with the approval or not at all
                            posting = ledger.post(adjustments, actor);
                        } catch (DmsException refused) {
                            throw onSheet(refused, e, varying);
                        }
                        for (int i = 0; i < varying.size(); i++) {
                            StockMovement m = i < posting.movements().size() ? posting.movements().get(i) : null;
                            varying.get(i).ledgerEntryId = m == null ? posting.id() : m.id();
                        }
                    }
                    e.approvedBy = actor.username();
                    e.approvedAt = Stored.utc(clock.now());
                    posted[0] = Checks.yuan(value);
                });
        tell(StocktakeListener::posted, s, posted[0], actor);
        return s;
    }

    /** A ledger refusal of adjustment i named as the sheet line it came from. */
    private static DmsException onSheet(DmsException refused, StocktakeEntity e, List<StocktakeLineEntity> varying) {
        List<Violation> named = new ArrayList<>();
        for (Violation x : refused.violations()) {
            Matcher m = LEDGER_LINE.matcher(x.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < varying.size()) {
                int onSheet = e.lines.indexOf(varying.get(Integer.parseInt(m.group(1))));
                named.add(new Violation("lines[" + onSheet + "]" + m.group(2), x.code(),
                        "盘点单第 " + (onSheet + 1) + " 行：" + x.messageZh() + "（盘点后库存已变动，请退回重盘）",
                        "line " + (onSheet + 1) + " of the sheet: " + x.messageEn()
                                + " (stock moved since the count; send it back for a recount)"));
            } else {
                named.add(x);
            }
        }
        return new DmsException(refused.kind(), named);
    }

    @Override
    public Stocktake cancel(long id, long expectedVersion, String reason, Actor actor) {
        permissions.require(actor, "parts.stocktake.count");
        String why = Checks.reason(reason);
        Stocktake s = move(id, expectedVersion, actor, OPEN, StocktakeStatus.CANCELLED, "取消", "cancelled",
                (em, e) -> e.reason = why);
        tell(StocktakeListener::cancelled, s, null, actor);
        return s;
    }

    private Stocktake move(long id, long expectedVersion, Actor actor, Set<StocktakeStatus> from,
            StocktakeStatus to, String whatZh, String whatEn, BiConsumer<EntityManager, StocktakeEntity> step) {
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            StocktakeEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "盘点单", "the stocktake");
            requireStatus(e, from, whatZh, whatEn);
            Map<String, Object> before = summary(e);
            step.accept(em, e);
            e.status = to;
            e.updated(clock.now(), actor);
            em.flush();
            audit.record(em, actor, "stocktake", id, before, summary(e));
            return toStocktake(em, e, actor);
        }));
    }

    private static void requireStatus(StocktakeEntity e, Set<StocktakeStatus> allowed, String whatZh,
            String whatEn) {
        if (!allowed.contains(e.status)) {
            throw DmsException.conflict("status", "stocktake.status",
                    "盘点单 " + e.number + " 已是「" + e.status.chinese() + "」，不能" + whatZh,
                    "stocktake " + e.number + " is " + e.status + "; it cannot be " + whatEn);
        }
    }

    private Warehouse warehouse(long id) {
        try {
            return warehouses.get(id);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.invalid("warehouseId", "warehouse.unknown", "仓库 " + id + " 不存在",
                        "warehouse " + id + " does not exist");
            }
            throw e;
        }
    }

    private static StocktakeEntity find(EntityManager em, long id) {
        StocktakeEntity e = em.find(StocktakeEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("id", "盘点单 " + id + " 不存在", "stocktake " + id + " does not exist");
        }
        return e;
    }

    private static List<Long> bins(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }

    /** What the audit trail keeps of a stocktake: its status and each line's count (the sheet itself is in tables). */
    private static Map<String, Object> summary(StocktakeEntity e) {
        Map<String, Object> m = new HashMap<>();
        m.put("status", e.status);
        m.put("note", e.note);
        m.put("reason", e.reason);
        m.put("approvedBy", e.approvedBy);
        for (int i = 0; i < e.lines.size(); i++) {
            StocktakeLineEntity l = e.lines.get(i);
            if (l.counted != null) {
                m.put("counted[part " + l.partId + " bin " + l.binId + (l.batchNumber == null ? "" : " batch "
                        + l.batchNumber) + "]", l.counted.toPlainString());
            }
        }
        return m;
    }

    private Stocktake toStocktake(EntityManager em, StocktakeEntity e, Actor actor) {
        boolean costs = permissions.allows(actor, "parts.cost.read");
        Set<Long> ids = new HashSet<>();
        e.lines.forEach(l -> ids.add(l.partId));
        Map<Long, String[]> names = StockFigures.partNames(em, ids);
        Map<Long, String> binCodes = new HashMap<>();
        warehouses.bins(e.warehouseId).forEach(b -> binCodes.put(b.id(), b.code()));
        boolean open = OPEN.contains(e.status);
        List<StocktakeLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int uncounted = 0;
        for (StocktakeLineEntity l : e.lines) {
            String[] n = names.getOrDefault(l.partId, new String[] { "?", "?" });
            BigDecimal variance = l.counted == null ? null : l.counted.subtract(l.bookAtCount);
            BigDecimal value = variance == null || l.unitCost == null ? null
                    : Checks.yuan(variance.multiply(l.unitCost));
            if (value != null) {
                total = total.add(value);
            }
            if (l.counted == null) {
                uncounted++;
            }
            boolean moved = open && l.counted != null && l.ledgerMark != null
                    && StockFigures.ledgerMark(em, l.partId, e.warehouseId, l.binId) > l.ledgerMark;
            lines.add(new StocktakeLine(l.id == null ? 0 : l.id, l.partId, n[0], n[1], l.binId,
                    binCodes.get(l.binId), l.batchNumber, l.frozen, l.counted, l.bookAtCount, variance,
                    costs ? l.unitCost : null, costs ? value : null, moved, l.countedBy,
                    Stored.instant(l.countedAt)));
        }
        return new Stocktake(e.id, e.number, e.warehouseId, bins(e.binIds), e.status, Stored.instant(e.frozenAt),
                e.note, lines, uncounted, costs ? Checks.yuan(total) : null, e.approvedBy,
                Stored.instant(e.approvedAt), e.reason, e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(),
                e.version);
    }

    private void tell(BiConsumer<StocktakeListener, StocktakeEvent> method, Stocktake s, BigDecimal value,
            Actor actor) {
        AfterCommit.tell(listeners, method, new StocktakeEvent(s.id(), s.number(), s.warehouseId(), s.status().name(),
                value, actor.username(), clock.now()), "stocktake " + s.number());
    }
}
