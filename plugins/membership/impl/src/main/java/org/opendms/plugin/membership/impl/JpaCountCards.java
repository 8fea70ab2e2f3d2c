package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.plugin.membership.api.CardProduct;
import org.opendms.plugin.membership.api.CardProductDraft;
import org.opendms.plugin.membership.api.CardSale;
import org.opendms.plugin.membership.api.CardUse;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.CountCards;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Count card products and the cards sold, on the plugin's tables; the member's side through {@link JpaMembership}. */
@Component(service = { CountCards.class, JpaCountCards.class })
public class JpaCountCards implements CountCards {

    static final Set<String> BINDINGS = Set.of("VEHICLE", "CUSTOMER");

    @Reference
    JpaMembership membership;

    @Reference
    VehicleService vehicles;

    JpaTemplate jpa() {
        return membership.jpa;
    }

    // ---- products

    @Override
    public CardProduct define(CardProductDraft draft, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        Valid valid = check(draft);
        try {
            return DeadlockRetry.write(() -> jpa().txExpr(em -> {
                refuseCode(em, valid.code(), null);
                CardProductEntity e = new CardProductEntity();
                apply(e, valid);
                em.persist(e);
                em.flush();
                CardProduct after = product(e);
                membership.audit.record(em, actor, "member.card-product", e.id, null, after);
                return after;
            }));
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "uq_mem_card_product_code")) {
                throw codeTaken(valid.code());
            }
            throw e;
        }
    }

    @Override
    public CardProduct update(long productId, long expectedVersion, CardProductDraft draft, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.RULES_EDIT);
        Valid valid = check(draft);
        return DeadlockRetry.write(() -> jpa().txExpr(em -> {
            CardProductEntity e = em.find(CardProductEntity.class, productId);
            if (e == null) {
                throw DmsException.notFound("productId", "次卡产品 " + productId + " 不存在",
                        "card product " + productId + " does not exist");
            }
            StaleVersion.check(e.version, expectedVersion, "次卡产品 " + e.code, "card product " + e.code);
            refuseCode(em, valid.code(), e.id);
            CardProduct before = product(e);
            apply(e, valid);
            e.version++;
            em.flush();
            CardProduct after = product(e);
            membership.audit.record(em, actor, "member.card-product", e.id, before, after);
            return after;
        }));
    }

    @Override
    public List<CardProduct> products(boolean activeOnly, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa().txExpr(em -> em.createQuery("SELECT p FROM CardProductEntity p ORDER BY p.code",
                CardProductEntity.class).getResultList().stream().filter(p -> p.active || !activeOnly)
                .map(JpaCountCards::product).toList());
    }

    /** A draft checked: every wrong field named before anything is read. */
    record Valid(String code, String name, BigDecimal price, int uses, List<String> operations, boolean parts,
            int months, String binding, boolean active) {
    }

    static Valid check(CardProductDraft d) {
        Violations v = new Violations();
        if (d == null) {
            v.add("code", "required", "请填写次卡产品", "a product is required");
            v.throwIfAny();
        }
        String code = Checks.codeAndName(v, d.code(), d.name());
        Checks.amount(v, "price", d.price(), true);
        if (d.uses() == null || d.uses() < 1 || d.uses() > 100) {
            v.add("uses", "out_of_range", "次数应为 1–100", "uses is 1 to 100");
        }
        List<String> ops = new ArrayList<>();
        if (d.operations() == null || d.operations().isEmpty() || d.operations().size() > 20) {
            v.add("operations", "required", "请选择 1–20 个工时项目", "name 1 to 20 labour operations");
        } else {
            for (int i = 0; i < d.operations().size(); i++) {
                String op = d.operations().get(i);
                if (op == null || op.isBlank() || op.length() > 40 || op.contains(",")) {
                    v.add("operations[" + i + "]", "invalid", "工时项目编码无效", "not a labour operation code");
                } else {
                    ops.add(op.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (d.validMonths() == null || d.validMonths() < 1 || d.validMonths() > 120) {
            v.add("validMonths", "out_of_range", "有效期应为 1–120 个月", "validMonths is 1 to 120");
        }
        String binding = d.binding() == null ? "VEHICLE" : d.binding().strip().toUpperCase(Locale.ROOT);
        if (!BINDINGS.contains(binding)) {
            v.add("binding", "invalid", "绑定应为 VEHICLE（车辆）或 CUSTOMER（客户）", "binding is VEHICLE or CUSTOMER");
        }
        v.throwIfAny();
        return new Valid(code, d.name().strip(), d.price().setScale(2), d.uses(), List.copyOf(new LinkedHashSet<>(ops)),
                Boolean.TRUE.equals(d.includesParts()), d.validMonths(), binding, !Boolean.FALSE.equals(d.active()));
    }

    private static void apply(CardProductEntity e, Valid v) {
        e.code = v.code();
        e.name = v.name();
        e.price = v.price();
        e.uses = v.uses();
        e.operations = String.join(",", v.operations());
        e.includesParts = v.parts();
        e.validMonths = v.months();
        e.binding = v.binding();
        e.active = v.active();
    }

    private static void refuseCode(EntityManager em, String code, Long except) {
        for (Long id : em.createQuery("SELECT p.id FROM CardProductEntity p WHERE p.code = :c", Long.class)
                .setParameter("c", code).getResultList()) {
            if (!id.equals(except)) {
                throw codeTaken(code);
            }
        }
    }

    private static DmsException codeTaken(String code) {
        return DmsException.conflict("code", "product.exists", "次卡产品编码 " + code + " 已存在",
                "a card product " + code + " exists");
    }

    static CardProduct product(CardProductEntity e) {
        return new CardProduct(e.id, e.code, e.name, e.price, e.uses, Arrays.asList(e.operations.split(",")),
                e.includesParts, e.validMonths, e.binding, e.active, e.version);
    }

    // ---- cards

    @Override
    public CountCard sell(long memberId, CardSale sale, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.CARD_SELL);
        Violations v = new Violations();
        if (sale == null || sale.productId() == null) {
            v.add("productId", "required", "请选择次卡产品", "productId is required");
        }
        String paidWith = Checks.paidWith(v, sale == null ? null : sale.paidWith(),
                sale == null ? null : sale.reference());
        v.throwIfAny();
        membership.requireDeskOpen(actor);
        CountCard sold = DeadlockRetry.write(() -> jpa().txExpr(em -> {
            MemberEntity m = JpaMembership.member(em, memberId);
            if (!m.active) {
                throw DmsException.conflict("memberId", "member.inactive", "该会员已退会", "the member has left");
            }
            CardProductEntity p = em.find(CardProductEntity.class, sale.productId());
            if (p == null || !p.active) {
                throw DmsException.invalid("productId", "product.unknown", "没有在售的次卡产品 " + sale.productId(),
                        "no card product " + sale.productId() + " on sale");
            }
            Long vehicle = vehicleFor(p, m, sale.vehicleId());
            CountCardEntity c = new CountCardEntity();
            c.memberId = memberId;
            c.productId = p.id;
            c.productName = p.name;
            c.operations = p.operations;
            c.includesParts = p.includesParts;
            c.vehicleId = vehicle;
            c.uses = p.uses;
            c.usesLeft = p.uses;
            c.expiresOn = membership.clock.today().plusMonths(p.validMonths).minusDays(1);
            c.price = p.price;
            c.paidWith = paidWith;
            c.reference = sale.reference() == null ? null : sale.reference().strip();
            c.soldAt = membership.now();
            c.soldBy = actor.username();
            em.persist(c);
            em.flush();
            c.cardNumber = String.format("K%08d", c.id);
            em.flush();
            CountCard after = card(c);
            membership.audit.record(em, actor, "member.count-card", c.id, null, after);
            return after;
        }));
        return sold;
    }

    /** The car a card of the product is bound to: the member's own, required when the product binds to a vehicle. */
    private Long vehicleFor(CardProductEntity p, MemberEntity m, Long vehicleId) {
        if (vehicleId == null) {
            if ("VEHICLE".equals(p.binding)) {
                throw DmsException.invalid("vehicleId", "required", "该套餐绑定车辆，请选择车辆",
                        "this product is bound to a vehicle: choose the car");
            }
            return null;
        }
        Vehicle car;
        try {
            car = vehicles.get(vehicleId);
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.invalid("vehicleId", "vehicle.unknown", "车辆 " + vehicleId + " 不存在",
                        "vehicle " + vehicleId + " does not exist");
            }
            throw e;
        }
        if (car.ownerId() != m.customerId) {
            throw DmsException.invalid("vehicleId", "vehicle.not_members", "车辆 " + car.plate() + " 不是该会员的",
                    "vehicle " + car.plate() + " is not the member's");
        }
        return vehicleId;
    }

    @Override
    public List<CountCard> ofMember(long memberId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa().txExpr(em -> {
            JpaMembership.member(em, memberId);
            return em.createQuery("SELECT c FROM CountCardEntity c WHERE c.memberId = :m ORDER BY c.id DESC",
                    CountCardEntity.class).setParameter("m", memberId).getResultList().stream()
                    .map(JpaCountCards::card).toList();
        });
    }

    @Override
    public List<CardUse> uses(long cardId, Actor actor) {
        membership.permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa().txExpr(em -> em.createQuery("SELECT u FROM CardUseEntity u WHERE u.cardId = :c ORDER BY u.id",
                CardUseEntity.class).setParameter("c", cardId).getResultList().stream()
                .map(JpaCountCards::use).toList());
    }

    static CardUse use(CardUseEntity u) {
        return new CardUse(u.id, u.cardId, u.settlementId, u.settlementNumber, u.jobId, u.value, u.useId != null,
                Stored.instant(u.at), u.by);
    }

    static CountCard card(CountCardEntity c) {
        return new CountCard(c.id, c.cardNumber, c.memberId, c.productId, c.productName,
                Arrays.asList(c.operations.split(",")), c.includesParts, c.vehicleId, c.uses, c.usesLeft, c.expiresOn,
                c.price, Stored.instant(c.soldAt), c.soldBy);
    }
}
