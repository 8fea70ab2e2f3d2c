package org.opendms.parts.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.PartQuery;
import org.opendms.parts.api.Supersession;
import org.opendms.parts.api.SupersessionDraft;
import org.opendms.parts.api.SupersessionKind;
import org.opendms.parts.api.event.PartEvent;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The parts catalogue on JPA. A part number's key is unique (uq_pt_part_key): two clerks adding it at once, one wins.
 */
@Component(service = Catalogue.class)
public class JpaCatalogue implements Catalogue {

    static final BigDecimal DEFAULT_TAX = new BigDecimal("0.1300");
    /**
     * How many steps of 1:1 replacement a lookup follows (a longer chain is a data error, not a loop: cycles are
     * refused).
     */
    static final int MAX_CHAIN = 20;

    @Reference
    PartsContext ctx;

    /** The fields of a draft, checked and normalised. */
    record Valid(PartNumber number, String name, String brand, String category, String unit, BigDecimal retail,
            BigDecimal warranty, BigDecimal insurance, BigDecimal internal, BigDecimal taxRate, String fitmentNotes,
            boolean batchTracked, boolean decimal) {
    }

    static Valid check(PartDraft d) {
        Violations v = new Violations();
        if (d == null) {
            throw DmsException.invalid("number", "required", "请填写配件信息", "the part is required");
        }
        PartNumber number = PartNumber.of(d.number());
        if (v.required("number", number == null ? null : number.printed())) {
            if (v.maxLength("number", number.printed(), 40)) {
                if (number.key().isEmpty() || !number.key().codePoints().allMatch(Character::isLetterOrDigit)) {
                    v.add("number", "part_number.invalid", "配件号只能由字母、数字以及空格、-、.、/、_ 组成",
                            "a part number is letters and digits, with spaces, '-', '.', '/' or '_' between them");
                }
            }
        }
        String name = Quantities.text(d.name());
        if (v.required("name", name)) {
            v.maxLength("name", name, 100);
        }
        String brand = Quantities.text(d.brand());
        v.maxLength("brand", brand, 60);
        String category = Quantities.text(d.category());
        v.maxLength("category", category, 60);
        String unit = Quantities.text(d.unit());
        if (v.required("unit", unit)) {
            v.maxLength("unit", unit, 10);
        }
        BigDecimal retail = null;
        BigDecimal warranty = null;
        BigDecimal insurance = null;
        BigDecimal internal = null;
        if (d.prices() == null) {
            v.add("prices.retail", "required", "请填写零售价", "the retail price is required");
        } else {
            retail = Quantities.money(v, "prices.retail", d.prices().retail(), true);
            warranty = Quantities.money(v, "prices.warranty", d.prices().warranty(), false);
            insurance = Quantities.money(v, "prices.insurance", d.prices().insurance(), false);
            internal = Quantities.money(v, "prices.internal", d.prices().internal(), false);
        }
        BigDecimal tax = d.taxRate() == null ? DEFAULT_TAX : d.taxRate();
        if (tax.signum() < 0 || tax.compareTo(BigDecimal.ONE) > 0 || tax.stripTrailingZeros().scale() > 4) {
            v.add("taxRate", "out_of_range", "税率是 0 到 1 之间的小数（如 0.13），最多四位小数",
                    "the tax rate is a fraction from 0 to 1 (e.g. 0.13) with at most 4 decimals");
        } else {
            tax = tax.setScale(4, RoundingMode.UNNECESSARY);
        }
        String fitment = Quantities.text(d.fitmentNotes());
        v.maxLength("fitmentNotes", fitment, 500);
        v.throwIfAny();
        return new Valid(number, name, brand, category, unit, retail, warranty, insurance, internal, tax, fitment,
                d.batchTracked(), d.decimal() || d.batchTracked());
    }

    private static void apply(PartEntity e, Valid valid) {
        e.number = valid.number().printed();
        e.key = valid.number().key();
        e.name = valid.name();
        e.brand = valid.brand();
        e.category = valid.category();
        e.unit = valid.unit();
        e.retail = valid.retail();
        e.warranty = valid.warranty();
        e.insurance = valid.insurance();
        e.internal = valid.internal();
        e.taxRate = valid.taxRate();
        e.fitmentNotes = valid.fitmentNotes();
        e.batchTracked = valid.batchTracked();
        e.decimal = valid.decimal();
    }

    private static DmsException duplicate(PartNumber number) {
        return DmsException.conflict("number", "part.duplicate",
                "配件号 " + number.printed() + " 已在配件档案中（忽略大小写、空格和横线后相同）",
                "part number " + number.printed() + " is already in the catalogue (the same ignoring case, spaces and"
                        + " dashes)");
    }

    @Override
    public Part add(PartDraft draft, Actor actor) {
        ctx.permissions.require(actor, "parts.catalogue.edit");
        Valid valid = check(draft);
        Part added;
        try {
            added = ctx.write(em -> {
                if (byKey(em, valid.number().key()) != null) {
                    throw duplicate(valid.number());
                }
                PartEntity e = new PartEntity();
                apply(e, valid);
                e.created(ctx.clock.now(), actor);
                em.persist(e);
                em.flush();
                Part p = Records.part(e, ctx.clock.today());
                ctx.audit.record(em, actor, "part", e.id, null, p);
                return p;
            });
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_pt_part_key")) {
                throw duplicate(valid.number());
            }
            throw e;
        }
        told(added, actor);
        return added;
    }

    @Override
    public Part update(long id, long expectedVersion, PartDraft draft, Actor actor) {
        ctx.permissions.require(actor, "parts.catalogue.edit");
        Valid valid = check(draft);
        Part changed;
        try {
            changed = ctx.write(em -> {
                PartEntity e = find(em, id);
                StaleVersion.check(e.version, expectedVersion, "配件 " + e.number, "part " + e.number);
                Part before = Records.part(e, ctx.clock.today());
                if (!e.key.equals(valid.number().key())) {
                    if (hasMovements(em, id)) {
                        throw DmsException.conflict("number", "part.number_in_use",
                                "配件 " + e.number + " 已有出入库记录，配件号不能再改（可新建配件并设置替代关系）",
                                "part " + e.number + " has ledger entries; its number cannot change (add the new"
                                        + " number and supersede this one)");
                    }
                    PartEntity other = byKey(em, valid.number().key());
                    if (other != null && other.id != e.id.longValue()) {
                        throw duplicate(valid.number());
                    }
                }
                if ((e.batchTracked != valid.batchTracked() || e.decimal != valid.decimal()) && hasStock(em, id)) {
                    throw DmsException.conflict(e.batchTracked != valid.batchTracked() ? "batchTracked" : "decimal",
                            "part.has_stock", "配件 " + e.number + " 有库存，不能更改批次管理或小数计量",
                            "part " + e.number + " has stock: batch tracking and decimal quantities cannot change");
                }
                apply(e, valid);
                e.updated(ctx.clock.now(), actor);
                em.flush();
                Part after = Records.part(e, ctx.clock.today());
                ctx.audit.record(em, actor, "part", id, before, after);
                return after;
            });
        } catch (PersistenceException e) {
            if (StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal("配件", "the part");
            }
            if (Failures.isUniqueViolation(e, "uq_pt_part_key")) {
                throw duplicate(valid.number());
            }
            throw e;
        }
        told(changed, actor);
        return changed;
    }

    @Override
    public Part setActive(long id, long expectedVersion, boolean active, String reason, Actor actor) {
        ctx.permissions.require(actor, "parts.catalogue.edit");
        String why = Quantities.text(reason);
        Violations v = new Violations();
        v.maxLength("reason", why, 200);
        v.throwIfAny();
        Part changed = ctx.write(em -> {
            PartEntity e = find(em, id);
            StaleVersion.check(e.version, expectedVersion, "配件 " + e.number, "part " + e.number);
            if (e.active == active) {
                return Records.part(e, ctx.clock.today());
            }
            if (!active && hasStock(em, id)) {
                throw DmsException.conflict("active", "part.has_stock", "配件 " + e.number + " 还有库存或预留，不能停用",
                        "part " + e.number + " still has stock on hand or reserved; it cannot be withdrawn");
            }
            Part before = Records.part(e, ctx.clock.today());
            e.active = active;
            e.updated(ctx.clock.now(), actor);
            em.flush();
            Part after = Records.part(e, ctx.clock.today());
            Map<String, Object> b = new HashMap<>();
            b.put("active", before.active());
            Map<String, Object> a = new HashMap<>();
            a.put("active", after.active());
            a.put("reason", why);
            ctx.audit.record(em, actor, "part", id, b, a);
            return after;
        });
        told(changed, actor);
        return changed;
    }

    @Override
    public Part get(long id) {
        return ctx.read(em -> Records.part(find(em, id), ctx.clock.today()));
    }

    @Override
    public Optional<PartLookup> lookup(String partNumber) {
        String key = PartNumber.key(partNumber);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return ctx.read(em -> {
            PartEntity e = byKey(em, key);
            if (e == null) {
                return Optional.<PartLookup>empty();
            }
            LocalDate today = ctx.clock.today();
            List<Supersession> successors = new ArrayList<>();
            for (SupersessionEntity s : inEffect(em, e.id, today)) {
                successors.add(Records.supersession(s, em.find(PartEntity.class, s.successorId).number));
            }
            PartEntity current = e;
            Set<Long> seen = new HashSet<>();
            while (current.supersededBy != null && seen.add(current.id) && seen.size() <= MAX_CHAIN
                    && (current.supersededFrom == null || !current.supersededFrom.isAfter(today))) {
                current = em.find(PartEntity.class, current.supersededBy);
            }
            return Optional.of(new PartLookup(Records.part(e, today), successors, Records.part(current, today)));
        });
    }

    @Override
    public Page<Part> search(PartQuery query, PageRequest page) {
        PagedSearch<PartEntity> search = PagedSearch.of(PartEntity.class, "p");
        if (query != null) {
            String text = Quantities.text(query.text());
            if (text != null) {
                String key = PartNumber.key(text);
                if (key.isEmpty()) {
                    search.where("p.name LIKE :name ESCAPE '\\'", "name", Stored.containsPattern(text));
                } else {
                    search.where("(p.key LIKE :key ESCAPE '\\' OR p.name LIKE :name ESCAPE '\\')")
                            .with("key", Stored.containsPattern(key)).with("name", Stored.containsPattern(text));
                }
            }
            if (Quantities.text(query.category()) != null) {
                search.where("p.category = :category", "category", query.category().strip());
            }
            if (Quantities.text(query.brand()) != null) {
                search.where("p.brand = :brand", "brand", query.brand().strip());
            }
            if (query.activeOnly()) {
                search.where("p.active = :active", "active", Boolean.TRUE);
            }
        }
        LocalDate today = ctx.clock.today();
        return ctx.read(em -> search.page(em, "p.key, p.id", page, e -> Records.part(e, today)));
    }

    @Override
    public List<String> categories() {
        return ctx.read(em -> em.createQuery("SELECT DISTINCT p.category FROM PartEntity p"
                + " WHERE p.category IS NOT NULL ORDER BY p.category", String.class).getResultList());
    }

    @Override
    public List<Supersession> supersede(long partId, SupersessionDraft draft, Actor actor) {
        ctx.permissions.require(actor, "parts.catalogue.edit");
        Violations v = new Violations();
        if (draft == null || draft.kind() == null) {
            v.add("kind", "required", "请选择替代方式", "kind is required");
            v.throwIfAny();
        }
        List<SupersessionDraft.Successor> wanted = draft.successors();
        if (wanted.isEmpty()) {
            v.add("successors", "required", "请填写替代配件", "at least one successor is required");
        } else if (draft.kind() == SupersessionKind.REPLACED && wanted.size() != 1) {
            v.add("successors", "replaced.one", "一对一替代只能有一个替代配件", "a 1:1 replacement has exactly one successor");
        } else if (draft.kind() == SupersessionKind.KIT && wanted.size() < 2) {
            v.add("successors", "kit.several", "套件替代至少有两个配件", "a kit has at least two parts");
        } else if (wanted.size() > 50) {
            v.add("successors", "too_many", "最多 50 个替代配件", "at most 50 successors");
        }
        String note = Quantities.text(draft.note());
        v.maxLength("note", note, 200);
        for (int i = 0; i < wanted.size(); i++) {
            SupersessionDraft.Successor s = wanted.get(i);
            String f = "successors[" + i + "].";
            if (s == null || Quantities.text(s.partNumber()) == null) {
                v.add(f + "partNumber", "required", "请填写替代配件号", "partNumber is required");
            }
            if (s != null && s.quantity() != null) {
                Quantities.quantity(v, f + "quantity", s.quantity(), false, true);
            }
        }
        v.throwIfAny();
        LocalDate today = ctx.clock.today();
        LocalDate from = draft.effectiveFrom() == null ? today : draft.effectiveFrom();
        List<Supersession> result = ctx.write(em -> {
            PartEntity part = find(em, partId);
            Violations refs = new Violations();
            List<PartEntity> successors = new ArrayList<>();
            Set<Long> distinct = new LinkedHashSet<>();
            for (int i = 0; i < wanted.size(); i++) {
                String f = "successors[" + i + "].partNumber";
                PartEntity s = byKey(em, PartNumber.key(wanted.get(i).partNumber()));
                if (s == null) {
                    refs.add(f, "not_found", "配件号 " + wanted.get(i).partNumber() + " 不在配件档案中",
                            "part number " + wanted.get(i).partNumber() + " is not in the catalogue");
                } else if (s.id.longValue() == partId) {
                    refs.add(f, "supersession.self", "配件不能替代自己", "a part cannot supersede itself");
                } else if (!s.active) {
                    refs.add(f, "part.inactive", "替代配件 " + s.number + " 已停用", "the successor " + s.number
                            + " is withdrawn");
                } else if (!distinct.add(s.id)) {
                    refs.add(f, "duplicate", "替代配件 " + s.number + " 重复", "the successor " + s.number
                            + " is named twice");
                }
                successors.add(s);
            }
            refs.throwIfAny();
            if (draft.kind() != SupersessionKind.ALTERNATIVE) {
                for (PartEntity s : successors) {
                    if (replacementsReach(em, s.id, partId)) {
                        throw DmsException.conflict("successors", "supersession.cycle",
                                "替代关系形成循环：" + s.number + " 已（间接）被 " + part.number + " 替代",
                                "the supersession would be a cycle: " + s.number + " is (indirectly) replaced by "
                                        + part.number);
                    }
                }
            }
            List<Supersession> before = current(em, partId);
            Instant now = ctx.clock.now();
            List<String> ending = draft.kind() == SupersessionKind.ALTERNATIVE
                    ? List.of(SupersessionKind.ALTERNATIVE.name())
                    : List.of(SupersessionKind.REPLACED.name(), SupersessionKind.KIT.name());
            em.createQuery("UPDATE SupersessionEntity s SET s.endedAt = :now WHERE s.partId = :p AND s.endedAt IS NULL"
                    + " AND s.kind IN :kinds").setParameter("now", Stored.utc(now)).setParameter("p", partId)
                    .setParameter("kinds", ending).executeUpdate();
            for (int i = 0; i < successors.size(); i++) {
                SupersessionEntity e = new SupersessionEntity();
                e.partId = partId;
                e.kind = draft.kind().name();
                e.successorId = successors.get(i).id;
                BigDecimal q = wanted.get(i).quantity();
                e.quantity = q == null ? new BigDecimal("1.00") : q.setScale(2, RoundingMode.UNNECESSARY);
                e.effectiveFrom = from;
                e.note = note;
                e.createdAt = Stored.utc(now);
                e.createdBy = actor.username();
                em.persist(e);
            }
            if (draft.kind() != SupersessionKind.ALTERNATIVE) {
                part.supersededBy = draft.kind() == SupersessionKind.REPLACED ? successors.get(0).id : null;
                part.supersededFrom = draft.kind() == SupersessionKind.REPLACED ? from : null;
            }
            part.updated(now, actor);
            em.flush();
            List<Supersession> after = current(em, partId);
            ctx.audit.record(em, actor, "part", partId, Map.of("supersessions", before),
                    Map.of("supersessions", after));
            return after;
        });
        told(get(partId), actor);
        return result;
    }

    @Override
    public void endSupersession(long partId, SupersessionKind kind, String reason, Actor actor) {
        ctx.permissions.require(actor, "parts.catalogue.edit");
        Violations v = new Violations();
        if (kind == null) {
            v.add("kind", "required", "请选择替代方式", "kind is required");
        }
        String why = Quantities.text(reason);
        if (v.required("reason", why)) {
            v.maxLength("reason", why, 200);
        }
        v.throwIfAny();
        ctx.write(em -> {
            PartEntity part = find(em, partId);
            List<Supersession> before = current(em, partId);
            Instant now = ctx.clock.now();
            em.createQuery("UPDATE SupersessionEntity s SET s.endedAt = :now WHERE s.partId = :p AND s.endedAt IS NULL"
                    + " AND s.kind = :k").setParameter("now", Stored.utc(now)).setParameter("p", partId)
                    .setParameter("k", kind.name()).executeUpdate();
            if (kind == SupersessionKind.REPLACED) {
                part.supersededBy = null;
                part.supersededFrom = null;
            }
            part.updated(now, actor);
            em.flush();
            Map<String, Object> after = new HashMap<>();
            after.put("supersessions", current(em, partId));
            after.put("reason", why);
            ctx.audit.record(em, actor, "part", partId, Map.of("supersessions", before), after);
            return null;
        });
        told(get(partId), actor);
    }

    @Override
    public List<Supersession> supersessions(long partId) {
        return ctx.read(em -> {
            find(em, partId);
            return current(em, partId);
        });
    }

    @Override
    public List<Long> family(long partId) {
        return ctx.read(em -> {
            find(em, partId);
            List<Long> family = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            Deque<Long> todo = new ArrayDeque<>(List.of(partId));
            while (!todo.isEmpty() && family.size() < 1000) {
                Long id = todo.poll();
                if (!seen.add(id)) {
                    continue;
                }
                family.add(id);
                todo.addAll(em.createQuery("SELECT s.partId FROM SupersessionEntity s WHERE s.successorId = :id"
                        + " AND s.endedAt IS NULL AND s.kind IN ('REPLACED', 'KIT')", Long.class)
                        .setParameter("id", id).getResultList());
            }
            return family;
        });
    }

    // ---- helpers ----

    static PartEntity find(EntityManager em, long id) {
        PartEntity e = em.find(PartEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("partId", "配件 " + id + " 不存在", "part " + id + " does not exist");
        }
        return e;
    }

    static PartEntity byKey(EntityManager em, String key) {
        List<PartEntity> found = em.createQuery("SELECT p FROM PartEntity p WHERE p.key = :k", PartEntity.class)
                .setParameter("k", key).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean hasMovements(EntityManager em, long partId) {
        return !em.createQuery("SELECT m.id FROM MovementEntity m WHERE m.partId = :p", Long.class)
                .setParameter("p", partId).setMaxResults(1).getResultList().isEmpty();
    }

    static boolean hasStock(EntityManager em, long partId) {
        return !em.createQuery("SELECT s.id FROM StockEntity s WHERE s.partId = :p AND (s.onHand > 0 OR s.reserved > 0"
                + " OR s.inTransit > 0)", Long.class).setParameter("p", partId).setMaxResults(1).getResultList()
                .isEmpty();
    }

    /** The supersessions of a part not ended (in effect or to come), by kind and successor number. */
    private static List<Supersession> current(EntityManager em, long partId) {
        List<Supersession> list = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT s, p.number FROM SupersessionEntity s, PartEntity p"
                + " WHERE s.partId = :id AND s.endedAt IS NULL AND p.id = s.successorId ORDER BY s.kind, p.key",
                Object[].class).setParameter("id", partId).getResultList()) {
            list.add(Records.supersession((SupersessionEntity) row[0], (String) row[1]));
        }
        return list;
    }

    private static List<SupersessionEntity> inEffect(EntityManager em, long partId, LocalDate today) {
        return em.createQuery("SELECT s FROM SupersessionEntity s WHERE s.partId = :id AND s.endedAt IS NULL"
                + " AND s.effectiveFrom <= :today ORDER BY s.kind, s.id", SupersessionEntity.class)
                .setParameter("id", partId).setParameter("today", today).getResultList();
    }

    /** True when {@code from} is replaced (REPLACED or KIT, over any number of steps) by {@code target}. */
    private static boolean replacementsReach(EntityManager em, long from, long target) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Long id = todo.poll();
            if (id == target) {
                return true;
            }
            if (!seen.add(id) || seen.size() > 1000) {
                continue;
            }
            todo.addAll(em.createQuery("SELECT s.successorId FROM SupersessionEntity s WHERE s.partId = :id"
                    + " AND s.endedAt IS NULL AND s.kind IN ('REPLACED', 'KIT')", Long.class).setParameter("id", id)
                    .getResultList());
        }
        return false;
    }

    private void told(Part p, Actor actor) {
        ctx.tell(PartsListener::partChanged,
                new PartEvent(p.id(), p.number().printed(), p.name(), actor.username(), ctx.clock.now()),
                "part " + p.id());
    }
}
