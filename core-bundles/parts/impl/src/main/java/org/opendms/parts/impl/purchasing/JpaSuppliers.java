package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.purchasing.Supplier;
import org.opendms.parts.api.purchasing.SupplierDraft;
import org.opendms.parts.api.purchasing.SupplierPrice;
import org.opendms.parts.api.purchasing.SupplierPriceDraft;
import org.opendms.parts.api.purchasing.Suppliers;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Suppliers and their prices on JPA (tables pur_supplier, pur_supplier_price). */
@Component(service = Suppliers.class)
public class JpaSuppliers implements Suppliers {

    static final int PRICES_MAX = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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

    @Override
    public Supplier create(SupplierDraft draft, Actor actor) {
        permissions.require(actor, "parts.supplier.edit");
        Valid valid = check(draft);
        try {
            return DeadlockRetry.write(() -> jpa.txExpr(em -> {
                refuseDuplicate(em, valid.code, null);
                SupplierEntity e = new SupplierEntity();
                apply(e, valid);
                e.created(clock.now(), actor);
                em.persist(e);
                em.flush();
                Supplier after = toSupplier(e);
                audit.record(em, actor, "supplier", e.id, null, after);
                return after;
            }));
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_pur_supplier_code")) {
                throw duplicate(valid.code);
            }
            throw e;
        }
    }

    @Override
    public Supplier update(long id, long expectedVersion, SupplierDraft draft, Actor actor) {
        permissions.require(actor, "parts.supplier.edit");
        Valid valid = check(draft);
        try {
            return DeadlockRetry.write(() -> jpa.txExpr(em -> {
                SupplierEntity e = find(em, id);
                StaleVersion.check(e.version, expectedVersion, "供应商", "the supplier");
                refuseDuplicate(em, valid.code, id);
                Supplier before = toSupplier(e);
                apply(e, valid);
                e.updated(clock.now(), actor);
                em.flush();
                Supplier after = toSupplier(e);
                audit.record(em, actor, "supplier", id, before, after);
                return after;
            }));
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_pur_supplier_code")) {
                throw duplicate(valid.code);
            }
            throw e;
        }
    }

    @Override
    public Supplier get(long id) {
        return jpa.txExpr(em -> toSupplier(find(em, id)));
    }

    @Override
    public Page<Supplier> search(String text, boolean includeInactive, PageRequest page) {
        PagedSearch<SupplierEntity> search = PagedSearch.of(SupplierEntity.class, "s");
        if (!includeInactive) {
            search.where("s.active = :active", "active", true);
        }
        if (text != null && !text.isBlank() && text.length() <= 100) {
            search.where("(UPPER(s.code) LIKE :t ESCAPE '\\' OR UPPER(s.name) LIKE :t ESCAPE '\\')", "t",
                    Stored.containsPattern(text.strip().toUpperCase(Locale.ROOT)));
        }
        return jpa.txExpr(em -> search.page(em, "s.code, s.id", page, JpaSuppliers::toSupplier));
    }

    @Override
    public List<SupplierPrice> setPrices(long supplierId, List<SupplierPriceDraft> prices, Actor actor) {
        permissions.require(actor, "parts.supplier.edit");
        if (prices == null || prices.isEmpty()) {
            throw DmsException.invalid("prices", "required", "请给出至少一个价格", "give at least one price");
        }
        if (prices.size() > PRICES_MAX) {
            throw DmsException.invalid("prices", "too_many", "一次最多 " + PRICES_MAX + " 个价格",
                    "at most " + PRICES_MAX + " prices at once");
        }
        LocalDate today = clock.today();
        Violations v = new Violations();
        Map<String, SupplierPriceEntity> valid = new LinkedHashMap<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            SupplierPriceDraft d = prices.get(i);
            String f = "prices[" + i + "]";
            if (d == null) {
                v.add(f, "required", f + " 不能为空", f + " is required");
                continue;
            }
            Optional<Part> part = PartRefs.part(catalogue, v, f, d.partId(), d.partNumber());
            BigDecimal price = Checks.price(v, f + ".unitPrice", d.unitPrice(), true);
            BigDecimal min = d.minOrderQuantity() == null ? null
                    : Checks.quantity(v, f + ".minOrderQuantity", d.minOrderQuantity());
            String spn = Checks.text(v, f + ".supplierPartNumber", d.supplierPartNumber(), 40, false);
            LocalDate from = d.validFrom() == null ? today : d.validFrom();
            if (part.isEmpty() || price == null) {
                continue;
            }
            String key = part.get().id() + "@" + from;
            if (valid.containsKey(key)) {
                v.add(f + ".partNumber", "duplicate", "同一配件同一日期的价格重复：" + part.get().number().printed(),
                        "the same part and day twice: " + part.get().number().printed());
                continue;
            }
            SupplierPriceEntity e = new SupplierPriceEntity();
            e.supplierId = supplierId;
            e.partId = part.get().id();
            e.supplierPartNumber = spn;
            e.unitPrice = price;
            e.minOrderQuantity = min;
            e.validFrom = from;
            valid.put(key, e);
            numbers.add(part.get().number().printed());
        }
        v.throwIfAny();
        List<SupplierPrice> stored = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            SupplierEntity supplier = find(em, supplierId);
            List<SupplierPrice> out = new ArrayList<>();
            int i = 0;
            for (SupplierPriceEntity e : valid.values()) {
                // a part's price of the same day is replaced
                List<SupplierPriceEntity> same = em.createQuery("SELECT p FROM SupplierPriceEntity p WHERE"
                        + " p.supplierId = :s AND p.partId = :p AND p.validFrom = :d", SupplierPriceEntity.class)
                        .setParameter("s", supplierId).setParameter("p", e.partId).setParameter("d", e.validFrom)
                        .getResultList();
                Map<String, Object> before = null;
                SupplierPriceEntity row;
                if (same.isEmpty()) {
                    row = new SupplierPriceEntity();
                    row.supplierId = supplierId;
                    row.partId = e.partId;
                    row.validFrom = e.validFrom;
                    em.persist(row);
                } else {
                    row = same.get(0);
                    before = priceSnapshot(row);
                }
                row.supplierPartNumber = e.supplierPartNumber;
                row.unitPrice = e.unitPrice;
                row.minOrderQuantity = e.minOrderQuantity;
                row.createdAt = Stored.utc(clock.now());
                row.createdBy = actor.username();
                audit.record(em, actor, "supplier-price", supplier.code + ":" + numbers.get(i++), before,
                        priceSnapshot(row));
                out.add(toPrice(row, PartRefs.number(catalogue, row.partId)));
            }
            return out;
        }));
        return stored;
    }

    private static Map<String, Object> priceSnapshot(SupplierPriceEntity e) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitPrice", e.unitPrice);
        m.put("minOrderQuantity", e.minOrderQuantity);
        m.put("supplierPartNumber", e.supplierPartNumber);
        m.put("validFrom", e.validFrom);
        return m;
    }

    @Override
    public List<SupplierPrice> prices(long supplierId) {
        LocalDate today = clock.today();
        return jpa.txExpr(em -> {
            find(em, supplierId);
            return current(em.createQuery("SELECT p FROM SupplierPriceEntity p WHERE p.supplierId = :s"
                    + " AND p.validFrom <= :d ORDER BY p.validFrom DESC", SupplierPriceEntity.class)
                    .setParameter("s", supplierId).setParameter("d", today).getResultList(), true).stream()
                            .map(p -> toPrice(p, PartRefs.number(catalogue, p.partId)))
                            .sorted(Comparator.comparing(SupplierPrice::partNumber)).toList();
        });
    }

    @Override
    public List<SupplierPrice> pricesOfPart(long partId) {
        String number = PartRefs.number(catalogue, partId);
        return jpa.txExpr(em -> current(em.createQuery("SELECT p FROM SupplierPriceEntity p WHERE p.partId = :p"
                + " AND p.validFrom <= :d ORDER BY p.validFrom DESC", SupplierPriceEntity.class)
                .setParameter("p", partId).setParameter("d", clock.today()).getResultList(), false).stream()
                        .map(p -> toPrice(p, number))
                        .sorted(Comparator.comparing(SupplierPrice::unitPrice).thenComparing(SupplierPrice::supplierId))
                        .toList());
    }

    /** The newest price per part (byPart) or per supplier, from rows newest first. */
    private static List<SupplierPriceEntity> current(List<SupplierPriceEntity> newestFirst, boolean byPart) {
        Map<Long, SupplierPriceEntity> latest = new LinkedHashMap<>();
        for (SupplierPriceEntity p : newestFirst) {
            latest.putIfAbsent(byPart ? p.partId : p.supplierId, p);
        }
        return new ArrayList<>(latest.values());
    }

    /** The supplier's price of a part valid on the day, if any (for order lines without a price). */
    static Optional<SupplierPriceEntity> priceOn(EntityManager em, long supplierId, long partId, LocalDate day) {
        return em.createQuery("SELECT p FROM SupplierPriceEntity p WHERE p.supplierId = :s AND p.partId = :p"
                + " AND p.validFrom <= :d ORDER BY p.validFrom DESC", SupplierPriceEntity.class)
                .setParameter("s", supplierId).setParameter("p", partId).setParameter("d", day).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    static SupplierPrice toPrice(SupplierPriceEntity e, String partNumber) {
        return new SupplierPrice(e.supplierId, e.partId, partNumber, e.supplierPartNumber, e.unitPrice,
                e.minOrderQuantity, e.validFrom);
    }

    private record Valid(String code, String name, String contactPerson, String phone, String email, String address,
            int leadTimeDays, String paymentTerms, boolean active, String note) {
    }

    private static Valid check(SupplierDraft d) {
        if (d == null) {
            throw DmsException.invalid("", "required", "请填写供应商", "the supplier is required");
        }
        Violations v = new Violations();
        String code = Checks.text(v, "code", d.code(), 32, true);
        if (code != null) {
            code = code.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                v.add("code", "format", "供应商代码只能由字母、数字、- 和 _ 组成", "code may hold letters, digits, - and _ only");
            }
        }
        String name = Checks.text(v, "name", d.name(), 100, true);
        String contact = Checks.text(v, "contactPerson", d.contactPerson(), 50, false);
        String phone = Checks.text(v, "phone", d.phone(), 30, false);
        if (phone != null && !phone.matches("[0-9+() -]{3,30}")) {
            v.add("phone", "format", "电话号码只能包含数字、空格、+、-、括号", "phone may hold digits, spaces, +, - and brackets only");
        }
        String email = Checks.text(v, "email", d.email(), 100, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.add("email", "format", "邮箱格式不正确", "email is not an e-mail address");
        }
        String address = Checks.text(v, "address", d.address(), 200, false);
        int lead = d.leadTimeDays() == null ? 0 : d.leadTimeDays();
        if (lead < 0 || lead > 365) {
            v.add("leadTimeDays", "out_of_range", "到货周期应在 0 到 365 天之间", "leadTimeDays must be 0 to 365");
        }
        String terms = Checks.text(v, "paymentTerms", d.paymentTerms(), 100, false);
        String note = Checks.text(v, "note", d.note(), 1000, false);
        v.throwIfAny();
        return new Valid(code, name, contact, phone, email, address, lead, terms, d.active() == null || d.active(),
                note);
    }

    private static void apply(SupplierEntity e, Valid v) {
        e.code = v.code;
        e.name = v.name;
        e.contactPerson = v.contactPerson;
        e.phone = v.phone;
        e.email = v.email;
        e.address = v.address;
        e.leadTimeDays = v.leadTimeDays;
        e.paymentTerms = v.paymentTerms;
        e.active = v.active;
        e.note = v.note;
    }

    private static void refuseDuplicate(EntityManager em, String code, Long except) {
        List<Long> ids = em.createQuery("SELECT s.id FROM SupplierEntity s WHERE s.code = :c", Long.class)
                .setParameter("c", code).getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(except))) {
            throw duplicate(code);
        }
    }

    private static DmsException duplicate(String code) {
        return DmsException.conflict("code", "supplier.duplicate_code", "供应商代码 " + code + " 已被使用",
                "supplier code " + code + " is already in use");
    }

    static SupplierEntity find(EntityManager em, long id) {
        SupplierEntity e = em.find(SupplierEntity.class, id);
        if (e == null) {
            throw DmsException.notFound("supplierId", "供应商 " + id + " 不存在", "supplier " + id + " does not exist");
        }
        return e;
    }

    static Supplier toSupplier(SupplierEntity e) {
        return new Supplier(e.id, e.code, e.name, e.contactPerson, e.phone, e.email, e.address, e.leadTimeDays,
                e.paymentTerms, e.active, e.note, e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(),
                e.version);
    }
}
