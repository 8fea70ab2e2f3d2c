package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.purchasing.OrderSuggestion;
import org.opendms.parts.api.purchasing.OrderSuggestions;
import org.opendms.parts.api.purchasing.PartDemand;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrderDraft;
import org.opendms.parts.api.purchasing.PurchaseOrderLineDraft;
import org.opendms.parts.api.purchasing.SuggestedLine;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Order suggestions computed from the stock rows, the reservations' shortfalls and the open purchase orders at the
 * moment they are asked for; nothing is stored. Without a maximum a part is ordered up to its minimum (or reorder
 * point), at least one unit; a part not counted in decimals is ordered in whole units; the supplier's minimum order
 * quantity is respected.
 */
@Component(service = OrderSuggestions.class)
public class JpaOrderSuggestions implements OrderSuggestions {

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    JpaPurchaseOrders orders;

    @Override
    public List<OrderSuggestion> suggest(long warehouseId, Actor actor) {
        permissions.require(actor, "parts.po.read");
        warehouses.get(warehouseId);
        LocalDate today = clock.today();
        Map<Long, BigDecimal> onOrder = orders.onOrder(warehouseId);
        List<OrderSuggestion> out = new ArrayList<>();
        jpa.tx(em -> {
            Map<Long, BigDecimal> shortfalls = StockFigures.shortfalls(em, warehouseId);
            for (StockFigures.Row r : StockFigures.rows(em, warehouseId)) {
                BigDecimal demand = shortfalls.getOrDefault(r.partId(), BigDecimal.ZERO);
                BigDecimal ordered = onOrder.getOrDefault(r.partId(), BigDecimal.ZERO);
                BigDecimal projected = r.onHand().subtract(r.reserved()).subtract(demand).add(ordered)
                        .add(r.inTransit());
                BigDecimal level = r.reorderPoint() != null ? r.reorderPoint() : r.minimum();
                boolean atLevel = level != null && (r.reorderPoint() != null ? projected.compareTo(level) <= 0
                        : projected.compareTo(level) < 0);
                boolean uncovered = projected.signum() < 0;
                if (!atLevel && !uncovered) {
                    continue;
                }
                BigDecimal target = r.maximum() != null ? r.maximum()
                        : max(r.minimum() == null ? BigDecimal.ZERO : r.minimum(),
                                r.reorderPoint() == null ? BigDecimal.ZERO : r.reorderPoint());
                BigDecimal quantity = max(target.subtract(projected), projected.negate());
                if (quantity.signum() <= 0) {
                    quantity = BigDecimal.ONE;
                }
                Part part = catalogue.get(r.partId());
                if (!part.active()) {
                    continue;
                }
                SupplierPriceEntity best = cheapest(em, r.partId(), today);
                if (!part.decimal()) {
                    quantity = quantity.setScale(0, RoundingMode.CEILING);
                }
                if (best != null && best.minOrderQuantity != null && quantity.compareTo(best.minOrderQuantity) < 0) {
                    quantity = best.minOrderQuantity;
                }
                SupplierEntity supplier = best == null ? null : em.find(SupplierEntity.class, best.supplierId);
                String reason = atLevel
                        ? "预计可用 " + plain(projected) + (r.reorderPoint() != null ? " ≤ 订货点 " : " < 最低库存 ")
                                + plain(level) + " projected " + plain(projected)
                                + (r.reorderPoint() != null ? " ≤ reorder point " : " < minimum ") + plain(level)
                        : "未满足需求 " + plain(projected.negate()) + " uncovered demand " + plain(projected.negate());
                out.add(new OrderSuggestion(warehouseId, r.partId(), part.number().printed(), part.name(), r.onHand(),
                        r.reserved(), ordered, demand, r.minimum(), r.maximum(), r.reorderPoint(), projected,
                        quantity.setScale(2), best == null ? null : best.supplierId,
                        supplier == null ? null : supplier.name, best == null ? null : best.unitPrice, reason));
            }
        });
        out.sort(Comparator.comparing(OrderSuggestion::partNumber));
        return out;
    }

    private final DemandCache demandCache = new DemandCache();

    @Override
    public List<PartDemand> demand(long warehouseId, Actor actor) {
        permissions.require(actor, "parts.po.read");
        warehouses.get(warehouseId);
        return demandCache.demand(jpa, warehouseId, clock);
    }

    /** The cheapest price of today from an active supplier. */
    private static SupplierPriceEntity cheapest(javax.persistence.EntityManager em, long partId, LocalDate today) {
        Map<Long, SupplierPriceEntity> latest = new LinkedHashMap<>();
        for (SupplierPriceEntity p : em.createQuery("SELECT p FROM SupplierPriceEntity p, SupplierEntity s WHERE"
                + " s.id = p.supplierId AND s.active = :active AND p.partId = :p AND p.validFrom <= :d"
                + " ORDER BY p.validFrom DESC", SupplierPriceEntity.class).setParameter("p", partId)
                .setParameter("d", today).setParameter("active", true).getResultList()) {
            latest.putIfAbsent(p.supplierId, p);
        }
        return latest.values().stream()
                .min(Comparator.comparing((SupplierPriceEntity p) -> p.unitPrice).thenComparing(p -> p.supplierId))
                .orElse(null);
    }

    @Override
    public PurchaseOrder toPurchaseOrder(long warehouseId, long supplierId, List<SuggestedLine> lines, Actor actor) {
        permissions.require(actor, "parts.po.edit");
        List<OrderSuggestion> suggestions = suggest(warehouseId, actor);
        Map<Long, OrderSuggestion> byPart = new HashMap<>();
        suggestions.forEach(s -> byPart.put(s.partId(), s));
        List<PurchaseOrderLineDraft> drafts = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            suggestions.stream().filter(s -> s.supplierId() != null && s.supplierId() == supplierId)
                    .forEach(s -> drafts.add(new PurchaseOrderLineDraft(s.partId(), null, s.quantity(), null, null)));
            if (drafts.isEmpty()) {
                // no lines given and none suggested: what is missing is the lines to order
                throw DmsException.invalid("lines", "suggestion.none", "该供应商目前没有补货建议，请选择要订购的配件",
                        "there is nothing to suggest from this supplier now: choose the parts to order");
            }
        } else {
            Violations v = new Violations();
            for (int i = 0; i < lines.size(); i++) {
                SuggestedLine l = lines.get(i);
                if (l == null) {
                    v.add("lines[" + i + "]", "required", "lines[" + i + "] 不能为空", "lines[" + i + "] is required");
                    continue;
                }
                BigDecimal q = l.quantity();
                if (q == null) {
                    OrderSuggestion s = byPart.get(l.partId());
                    if (s == null) {
                        v.add("lines[" + i + "].quantity", "required", "配件 " + l.partId() + " 没有补货建议，请填写数量",
                                "part " + l.partId() + " is not suggested; give the quantity");
                        continue;
                    }
                    q = s.quantity();
                }
                drafts.add(new PurchaseOrderLineDraft(l.partId(), null, q, null, null));
            }
            v.throwIfAny();
        }
        return orders.create(new PurchaseOrderDraft(supplierId, warehouseId, null, "补货建议生成 from suggestions", drafts),
                actor);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
