package org.opendms.parts.impl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.StaleVersion;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Warehouses and bins on JPA; every warehouse has a default bin ("-", 未定库位) for stock not yet put away. */
@Component(service = Warehouses.class)
public class JpaWarehouses implements Warehouses {

    static final String DEFAULT_BIN = "-";

    @Reference
    PartsContext ctx;

    /** A code as stored: trimmed, upper case, inner spaces removed. */
    static String code(String typed) {
        return typed == null ? null : typed.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public Warehouse create(String code, String name, WarehouseKind kind, Actor actor) {
        ctx.permissions.require(actor, "parts.warehouse.edit");
        Violations v = new Violations();
        String c = code(code);
        if (v.required("code", c) && v.maxLength("code", c, 20) && !c.matches("[A-Z0-9-]+")) {
            v.add("code", "code.invalid", "仓库代码只能由字母、数字和 - 组成", "a warehouse code is letters, digits and '-'");
        }
        String n = Quantities.text(name);
        if (v.required("name", n)) {
            v.maxLength("name", n, 60);
        }
        if (kind == null) {
            v.add("kind", "required", "请选择仓库类型", "kind is required");
        }
        v.throwIfAny();
        try {
            return ctx.write(em -> {
                if (byCode(em, c) != null) {
                    throw duplicate(c);
                }
                WarehouseEntity w = new WarehouseEntity();
                w.code = c;
                w.name = n;
                w.kind = kind.name();
                w.created(ctx.clock.now(), actor);
                em.persist(w);
                em.flush();
                BinEntity bin = new BinEntity();
                bin.warehouseId = w.id;
                bin.code = DEFAULT_BIN;
                em.persist(bin);
                em.flush();
                w.defaultBinId = bin.id;
                em.flush();
                Warehouse created = Records.warehouse(w);
                ctx.audit.record(em, actor, "warehouse", w.id, null, created);
                return created;
            });
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_pt_warehouse_code")) {
                throw duplicate(c);
            }
            throw e;
        }
    }

    private static DmsException duplicate(String code) {
        return DmsException.conflict("code", "warehouse.duplicate", "仓库代码 " + code + " 已存在",
                "warehouse code " + code + " already exists");
    }

    @Override
    public Warehouse update(long id, long expectedVersion, String name, boolean active, Actor actor) {
        ctx.permissions.require(actor, "parts.warehouse.edit");
        Violations v = new Violations();
        String n = Quantities.text(name);
        if (v.required("name", n)) {
            v.maxLength("name", n, 60);
        }
        v.throwIfAny();
        try {
            return ctx.write(em -> {
                WarehouseEntity w = find(em, id);
                StaleVersion.check(w.version, expectedVersion, "仓库 " + w.code, "warehouse " + w.code);
                if (!active && w.active && !em.createQuery("SELECT s.id FROM StockEntity s WHERE s.warehouseId = :w"
                        + " AND (s.onHand > 0 OR s.reserved > 0 OR s.inTransit > 0)", Long.class)
                        .setParameter("w", id).setMaxResults(1).getResultList().isEmpty()) {
                    throw DmsException.conflict("active", "warehouse.has_stock", "仓库 " + w.code + " 还有库存，不能停用",
                            "warehouse " + w.code + " still has stock; it cannot be deactivated");
                }
                Warehouse before = Records.warehouse(w);
                w.name = n;
                w.active = active;
                w.updated(ctx.clock.now(), actor);
                em.flush();
                Warehouse after = Records.warehouse(w);
                ctx.audit.record(em, actor, "warehouse", id, before, after);
                return after;
            });
        } catch (PersistenceException e) {
            if (StaleVersion.isOptimisticLock(e)) {
                throw StaleVersion.refusal("仓库", "the warehouse");
            }
            throw e;
        }
    }

    @Override
    public Warehouse get(long id) {
        return ctx.read(em -> Records.warehouse(find(em, id)));
    }

    @Override
    public Optional<Warehouse> byCode(String code) {
        String c = code(code);
        if (c == null || c.isEmpty()) {
            return Optional.empty();
        }
        return ctx.read(em -> Optional.ofNullable(byCode(em, c)).map(Records::warehouse));
    }

    @Override
    public List<Warehouse> list() {
        return ctx.read(em -> em.createQuery("SELECT w FROM WarehouseEntity w ORDER BY w.active DESC, w.code",
                WarehouseEntity.class).getResultList().stream().map(Records::warehouse).toList());
    }

    @Override
    public Bin addBin(long warehouseId, String code, String area, String shelf, String level, Actor actor) {
        ctx.permissions.require(actor, "parts.warehouse.edit");
        Violations v = new Violations();
        String a = code(area);
        String s = code(shelf);
        String l = code(level);
        if (v.required("area", a)) {
            v.maxLength("area", a, 10);
        }
        v.maxLength("shelf", s, 10);
        v.maxLength("level", l, 10);
        String c = code(code);
        if (c == null || c.isEmpty()) {
            c = a == null ? null : String.join("-", a, s == null ? "" : s, l == null ? "" : l).replaceAll("-+$", "");
        }
        if (c != null && v.maxLength("code", c, 30) && (c.equals(DEFAULT_BIN) || c.isEmpty())) {
            v.add("code", "bin.reserved_code", "库位代码 - 保留给未定库位", "bin code '-' is the default bin's");
        }
        v.throwIfAny();
        String binCode = c;
        try {
            return ctx.write(em -> {
                WarehouseEntity w = find(em, warehouseId);
                if (findBin(em, warehouseId, binCode) != null) {
                    throw binDuplicate(w, binCode);
                }
                BinEntity b = new BinEntity();
                b.warehouseId = warehouseId;
                b.code = binCode;
                b.area = a;
                b.shelf = s;
                b.level = l;
                em.persist(b);
                em.flush();
                Bin added = Records.bin(b);
                ctx.audit.record(em, actor, "bin", b.id, null, added);
                return added;
            });
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_pt_bin_code")) {
                throw DmsException.conflict("code", "bin.duplicate", "库位 " + binCode + " 已存在",
                        "bin " + binCode + " already exists");
            }
            throw e;
        }
    }

    private static DmsException binDuplicate(WarehouseEntity w, String code) {
        return DmsException.conflict("code", "bin.duplicate", "仓库 " + w.code + " 已有库位 " + code,
                "warehouse " + w.code + " already has bin " + code);
    }

    @Override
    public Bin setBinActive(long binId, boolean active, Actor actor) {
        ctx.permissions.require(actor, "parts.warehouse.edit");
        return ctx.write(em -> {
            BinEntity b = findBin(em, binId);
            if (!active && b.active) {
                WarehouseEntity w = find(em, b.warehouseId);
                if (w.defaultBinId != null && w.defaultBinId == binId) {
                    throw DmsException.conflict("binId", "bin.default", "未定库位不能停用",
                            "the default bin cannot be deactivated");
                }
                if (!em.createQuery("SELECT s.id FROM BinStockEntity s WHERE s.binId = :b AND s.onHand > 0",
                        Long.class).setParameter("b", binId).setMaxResults(1).getResultList().isEmpty()) {
                    throw DmsException.conflict("binId", "bin.has_stock", "库位 " + b.code + " 还有库存，不能停用",
                            "bin " + b.code + " still holds stock; it cannot be deactivated");
                }
            }
            Bin before = Records.bin(b);
            b.active = active;
            em.flush();
            Bin after = Records.bin(b);
            ctx.audit.record(em, actor, "bin", binId, before, after);
            return after;
        });
    }

    @Override
    public Bin bin(long binId) {
        return ctx.read(em -> Records.bin(findBin(em, binId)));
    }

    @Override
    public Optional<Bin> binByCode(long warehouseId, String code) {
        String c = code(code);
        if (c == null || c.isEmpty()) {
            return Optional.empty();
        }
        return ctx.read(em -> Optional.ofNullable(findBin(em, warehouseId, c)).map(Records::bin));
    }

    @Override
    public List<Bin> bins(long warehouseId) {
        return ctx.read(em -> {
            find(em, warehouseId);
            return em.createQuery("SELECT b FROM BinEntity b WHERE b.warehouseId = :w ORDER BY b.code", BinEntity.class)
                    .setParameter("w", warehouseId).getResultList().stream().map(Records::bin).toList();
        });
    }

    static WarehouseEntity find(EntityManager em, long id) {
        WarehouseEntity w = em.find(WarehouseEntity.class, id);
        if (w == null) {
            throw DmsException.notFound("warehouseId", "仓库 " + id + " 不存在", "warehouse " + id + " does not exist");
        }
        return w;
    }

    static BinEntity findBin(EntityManager em, long id) {
        BinEntity b = em.find(BinEntity.class, id);
        if (b == null) {
            throw DmsException.notFound("binId", "库位 " + id + " 不存在", "bin " + id + " does not exist");
        }
        return b;
    }

    private static WarehouseEntity byCode(EntityManager em, String code) {
        List<WarehouseEntity> found = em.createQuery("SELECT w FROM WarehouseEntity w WHERE w.code = :c",
                WarehouseEntity.class).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static BinEntity findBin(EntityManager em, long warehouseId, String code) {
        List<BinEntity> found = em.createQuery("SELECT b FROM BinEntity b WHERE b.warehouseId = :w AND b.code = :c",
                BinEntity.class).setParameter("w", warehouseId).setParameter("c", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
