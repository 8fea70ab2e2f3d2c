package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.BiConsumer;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.component.LateServices;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.PermissionSet;
import org.opendms.platform.api.security.Permissions;
import org.opendms.plugin.membership.api.Authorisation;
import org.opendms.settlement.api.CashUpStatus;
import org.opendms.settlement.api.CashUps;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.CampaignResult;
import org.opendms.plugin.membership.api.MembershipSummary;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Liability;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.TierChange;
import org.opendms.plugin.membership.api.StoredValueKind;
import org.opendms.plugin.membership.api.TopUpRequest;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Members and stored value on JPA; every balance change through {@link StoredValueBook}. */
@Component(service = { Membership.class, JpaMembership.class }, configurationPid = MembershipConfig.PID)
@Designate(ocd = MembershipConfig.class)
public class JpaMembership implements Membership {

    static final int PIN_TRIES = 5;
    static final int PIN_LOCK_MINUTES = 15;
    static final int AUTHORISATION_MINUTES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(JpaMembership.class);

    @Reference(target = "(osgi.unit.name=dms-membership)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.plugin.membership.impl)")
    SchemaReady schema;

    @Reference
    CustomerService customers;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    /** The cashier's day: no money taken once it is closed. */
    @Reference
    CashUps cashUps;

    @Reference(target = "(" + MembershipPermissions.PROPERTY + "=membership)")
    PermissionSet ownPermissions;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<MembershipListener> listeners = List.of();

    volatile NavigableMap<BigDecimal, BigDecimal> bonusRule = Splits.rule("500:30,1000:100,2000:300");
    volatile Splits.Order spendOrder = Splits.Order.PROPORTIONAL;
    volatile NavigableMap<BigDecimal, String> tierRule = Tiers.rule("SILVER:5000,GOLD:20000");
    volatile Map<String, Tiers.Offer> tierOffers = Map.of();
    volatile boolean refunds = true;

    @Activate
    @Modified
    void configure(MembershipConfig config) {
        try {
            bonusRule = Splits.rule(config.topUpBonus());
        } catch (IllegalArgumentException e) {
            LOG.error("topUpBonus '{}' in {}: {}; keeping {}", config.topUpBonus(), MembershipConfig.PID,
                    e.getMessage(), bonusRule);
        }
        try {
            tierRule = Tiers.rule(config.tiers());
        } catch (IllegalArgumentException e) {
            LOG.error("tiers '{}' in {}: {}; keeping {}", config.tiers(), MembershipConfig.PID, e.getMessage(),
                    tierRule);
        }
        try {
            tierOffers = Tiers.offers(config.tierPurchases(), tierRule);
        } catch (IllegalArgumentException e) {
            LOG.error("tierPurchases '{}' in {}: {}; keeping {}", config.tierPurchases(), MembershipConfig.PID,
                    e.getMessage(), tierOffers.keySet());
        }
        String refundRule = config.refundRule() == null ? "" : config.refundRule().strip().toUpperCase(Locale.ROOT);
        if (!List.of("PROPORTIONAL", "NONE").contains(refundRule)) {
            LOG.error("refundRule '{}' in {} is not PROPORTIONAL or NONE; keeping {}", config.refundRule(),
                    MembershipConfig.PID, refunds ? "PROPORTIONAL" : "NONE");
        } else {
            refunds = refundRule.equals("PROPORTIONAL");
        }
        try {
            spendOrder = Splits.Order.valueOf(config.spendOrder().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.error("spendOrder '{}' in {} is not one of {}; keeping {}", config.spendOrder(), MembershipConfig.PID,
                    List.of(Splits.Order.values()), spendOrder);
        }
    }

    LocalDateTime now() {
        return Stored.utc(clock.now());
    }

    // ---- members

    @Override
    public Member join(JoinRequest request, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_JOIN);
        Violations v = new Violations();
        if (request == null || request.customerId() == null) {
            v.add("customerId", "required", "请选择客户", "customerId is required");
        }
        if (request == null || !Boolean.TRUE.equals(request.consent())) {
            v.add("consent", "consent.required", "须经客户同意会员协议后才能入会",
                    "the customer must agree to the membership terms first");
        }
        String channel = request == null || request.consentChannel() == null ? "COUNTER"
                : request.consentChannel().strip().toUpperCase(Locale.ROOT);
        if (!List.of("COUNTER", "PHONE", "APP").contains(channel)) {
            v.add("consentChannel", "invalid", "同意方式应为 COUNTER、PHONE 或 APP",
                    "consentChannel is COUNTER, PHONE or APP");
        }
        if (request != null && request.pin() != null) {
            Checks.pin(v, request.pin());
        }
        v.throwIfAny();
        try {
            customers.get(request.customerId());
        } catch (DmsException e) {
            if (e.kind() == DmsException.Kind.NOT_FOUND) {
                throw DmsException.invalid("customerId", "customer.unknown", "客户 " + request.customerId() + " 不存在",
                        "customer " + request.customerId() + " does not exist");
            }
            throw e;
        }
        String pinHash = request.pin() == null ? null : Pins.hash(request.pin());
        Member joined;
        try {
            joined = DeadlockRetry.write(() -> jpa.txExpr(em -> {
                refuseMember(em, request.customerId());
                MemberEntity m = new MemberEntity();
                m.customerId = request.customerId();
                m.tier = "STANDARD";
                m.joinedAt = now();
                m.consentAt = m.joinedAt;
                m.consentBy = actor.username();
                m.consentChannel = channel;
                m.pinHash = pinHash;
                m.active = true;
                // one member per customer: the customer's number makes the card's number, known before the insert
                // (a row inserted without it and numbered after made concurrent enrolments wait on each other)
                m.memberNumber = String.format("M%08d", m.customerId);
                em.persist(m);
                em.flush();
                BalanceEntity b = new BalanceEntity();
                b.memberId = m.id;
                b.principal = BigDecimal.ZERO.setScale(2);
                b.bonus = BigDecimal.ZERO.setScale(2);
                em.persist(b);
                PointsBalanceEntity points = new PointsBalanceEntity();
                points.memberId = m.id;
                em.persist(points);
                em.flush();
                Member after = Records.member(m);
                audit.record(em, actor, "member", m.id, null, after);
                return after;
            }));
        } catch (PersistenceException e) {
            // another desk enrolled the customer at the same moment: its insert won (or, on Derby under load, kept
            // this one waiting past every retry); the customer is a member either way
            if (Failures.isUniqueViolation(e, "uq_mem_member_customer")
                    || DeadlockRetry.isDeadlock(e) && jpa.txExpr(em -> memberExists(em, request.customerId()))) {
                throw alreadyMember(request.customerId());
            }
            throw e;
        }
        tell((l, m) -> l.joined(m), joined);
        return joined;
    }

    private static void refuseMember(EntityManager em, long customerId) {
        if (memberExists(em, customerId)) {
            throw alreadyMember(customerId);
        }
    }

    private static boolean memberExists(EntityManager em, long customerId) {
        return !em.createQuery("SELECT m.id FROM MemberEntity m WHERE m.customerId = :c", Long.class)
                .setParameter("c", customerId).getResultList().isEmpty();
    }

    private static DmsException alreadyMember(long customerId) {
        return DmsException.conflict("customerId", "member.exists", "客户 " + customerId + " 已是会员",
                "customer " + customerId + " is a member already");
    }

    @Override
    public Member get(long memberId, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> Records.member(member(em, memberId)));
    }

    static MemberEntity member(EntityManager em, long memberId) {
        MemberEntity m = em.find(MemberEntity.class, memberId);
        if (m == null) {
            throw DmsException.notFound("memberId", "会员 " + memberId + " 不存在",
                    "member " + memberId + " does not exist");
        }
        return m;
    }

    @Override
    public Optional<Member> ofCustomer(long customerId, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> em.createQuery("SELECT m FROM MemberEntity m WHERE m.customerId = :c",
                MemberEntity.class).setParameter("c", customerId).getResultList().stream().findFirst()
                .map(Records::member));
    }

    @Override
    public Optional<Member> byNumber(String memberNumber, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        if (memberNumber == null || memberNumber.isBlank() || memberNumber.length() > 30) {
            return Optional.empty();
        }
        String key = memberNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return jpa.txExpr(em -> em.createQuery("SELECT m FROM MemberEntity m WHERE m.memberNumber = :n",
                MemberEntity.class).setParameter("n", key).getResultList().stream().findFirst().map(Records::member));
    }

    @Override
    public Page<Member> list(PageRequest page, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> {
            long total = em.createQuery("SELECT COUNT(m) FROM MemberEntity m", Long.class).getSingleResult();
            List<Member> items = em.createQuery("SELECT m FROM MemberEntity m ORDER BY m.id DESC", MemberEntity.class)
                    .setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList().stream()
                    .map(Records::member).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Member setPin(long memberId, long expectedVersion, String pin, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_JOIN);
        Violations v = new Violations();
        Checks.pin(v, pin);
        v.throwIfAny();
        String hash = Pins.hash(pin);
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            MemberEntity m = member(em, memberId);
            StaleVersion.check(m.version, expectedVersion, "会员 " + m.memberNumber, "member " + m.memberNumber);
            Member before = Records.member(m);
            m.pinHash = hash;
            m.pinFailures = 0;
            m.pinLockedUntil = null;
            m.version++;
            em.flush();
            Member after = Records.member(m);
            audit.record(em, actor, "member", m.id, before, after); // the record says pinSet, never the PIN
            return after;
        }));
    }

    // ---- stored value

    @Override
    public Balance balance(long memberId, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> Records.balance(member(em, memberId), em.find(BalanceEntity.class, memberId)));
    }

    @Override
    public StoredValueEntry topUp(long memberId, TopUpRequest request, Actor actor) {
        permissions.require(actor, MembershipPermissions.TOP_UP);
        Violations v = new Violations();
        Checks.amount(v, "amount", request == null ? null : request.amount(), false);
        if (request != null && request.bonus() != null) {
            Checks.amount(v, "bonus", request.bonus(), true);
        }
        String paidWith = Checks.paidWith(v, request == null ? null : request.paidWith(),
                request == null ? null : request.reference());
        v.throwIfAny();
        requireDeskOpen(actor);
        BigDecimal bonus = request.bonus() != null ? request.bonus().setScale(2)
                : Splits.bonusFor(request.amount(), bonusRule);
        return change(memberId, actor, (em, b) -> {
            requireActive(em, memberId);
            EntryEntity e = StoredValueBook.move(em, b, StoredValueKind.TOP_UP,
                    new Splits.Split(request.amount().setScale(2), bonus), now(), actor.username());
            e.paidWith = paidWith;
            e.reference = request.reference() == null ? null : request.reference().strip();
            return e;
        });
    }

    @Override
    public StoredValueEntry refund(long memberId, BigDecimal principal, String reason, Actor actor) {
        permissions.require(actor, MembershipPermissions.REFUND);
        if (!refunds) {
            throw DmsException.conflict("principal", "refund.not_allowed", "本店储值不退（会员设置 refundRule = NONE）",
                    "this shop does not refund stored value (refundRule NONE)");
        }
        Violations v = new Violations();
        Checks.amount(v, "principal", principal, false);
        Checks.reason(v, reason);
        v.throwIfAny();
        return change(memberId, actor, (em, b) -> {
            if (principal.compareTo(b.principal) > 0) {
                throw DmsException.invalid("principal", "refund.over_principal",
                        "只能退还未用本金 " + b.principal + " 元（赠送金不退现）",
                        "only the unused principal " + b.principal + " can be refunded (bonus is never paid out)");
            }
            BigDecimal bonus = Splits.bonusForfeited(principal, b.principal, b.bonus);
            EntryEntity e = StoredValueBook.move(em, b, StoredValueKind.REFUND,
                    new Splits.Split(principal.negate(), bonus.negate()), now(), actor.username());
            e.reason = reason.strip();
            return e;
        });
    }

    @Override
    public StoredValueEntry adjust(long memberId, String direction, BigDecimal principal, BigDecimal bonus,
            String reason, Actor actor) {
        permissions.require(actor, MembershipPermissions.ADJUST);
        Violations v = new Violations();
        String way = direction == null ? null : direction.strip().toUpperCase(Locale.ROOT);
        if (!"ADD".equals(way) && !"DEDUCT".equals(way)) {
            v.add("direction", "invalid", "调整方向应为 ADD（增加）或 DEDUCT（扣减）", "direction is ADD or DEDUCT");
        }
        BigDecimal p = principal == null ? BigDecimal.ZERO : principal;
        BigDecimal g = bonus == null ? BigDecimal.ZERO : bonus;
        Checks.amount(v, "principal", p, true);
        Checks.amount(v, "bonus", g, true);
        if (p.signum() == 0 && g.signum() == 0) {
            v.add("principal", "required", "调整金额不能都为 0", "principal or bonus must change");
        }
        Checks.reason(v, reason);
        v.throwIfAny();
        Splits.Split change = new Splits.Split(p, g);
        Splits.Split signed = "DEDUCT".equals(way) ? StoredValueBook.negate(change) : change;
        return change(memberId, actor, (em, b) -> {
            EntryEntity e = StoredValueBook.move(em, b, StoredValueKind.ADJUSTMENT, signed, now(), actor.username());
            e.reason = reason.strip();
            return e;
        });
    }

    /** A movement by the service itself: lock, move, audit, tell. */
    private StoredValueEntry change(long memberId, Actor actor,
            java.util.function.BiFunction<EntityManager, BalanceEntity, EntryEntity> movement) {
        Object[] done = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            BalanceEntity b = StoredValueBook.lock(em, memberId);
            Balance before = Records.balance(member(em, memberId), b);
            EntryEntity e = movement.apply(em, b);
            em.flush();
            MemberEntity m = member(em, memberId);
            audit.record(em, actor, "member.stored-value", memberId, before, Records.balance(m, b));
            return new Object[] { Records.member(m), Records.entry(e) };
        }));
        StoredValueEntry entry = (StoredValueEntry) done[1];
        tell((l, m) -> l.storedValueMoved(m, entry), (Member) done[0]);
        return entry;
    }

    /**
     * Money is taken at the desk only while the cashier's day is open: once the manager closed it, a top-up or a sale
     * would fall outside the counted drawer (as core refuses payments then).
     */
    void requireDeskOpen(Actor actor) {
        if (cashUps.of(actor.username(), clock.today()).status() == CashUpStatus.CLOSED) {
            throw DmsException.conflict("cashup", "cashup.closed", "今天的日结已关账，不能再收款",
                    "today's cash-up is closed: no more money is taken today");
        }
    }

    static void requireActive(EntityManager em, long memberId) {
        if (!member(em, memberId).active) {
            throw DmsException.conflict("memberId", "member.inactive", "该会员已退会", "the member has left");
        }
    }

    @Override
    public Page<StoredValueEntry> ledger(long memberId, PageRequest page, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> {
            member(em, memberId);
            long total = em.createQuery("SELECT COUNT(e) FROM EntryEntity e WHERE e.memberId = :m", Long.class)
                    .setParameter("m", memberId).getSingleResult();
            List<StoredValueEntry> items = em.createQuery("SELECT e FROM EntryEntity e WHERE e.memberId = :m"
                    + " ORDER BY e.id DESC", EntryEntity.class).setParameter("m", memberId)
                    .setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList().stream()
                    .map(Records::entry).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Authorisation authorise(long memberId, String pin, BigDecimal amount, Actor actor) {
        permissions.require(actor, MembershipPermissions.PAY);
        Violations v = new Violations();
        Checks.amount(v, "amount", amount, false);
        if (pin == null || pin.isEmpty()) {
            v.add("pin", "required", "请会员输入密码", "the member's PIN is required");
        }
        v.throwIfAny();
        // the tries are counted in a transaction of their own, so a wrong PIN is remembered though it is refused
        Object outcome = DeadlockRetry.write(() -> jpa.txExpr(em -> {
            MemberEntity m = em.find(MemberEntity.class, memberId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (m == null) {
                return DmsException.notFound("memberId", "会员 " + memberId + " 不存在",
                        "member " + memberId + " does not exist");
            }
            LocalDateTime now = now();
            if (m.pinHash == null) {
                return DmsException.conflict("pin", "pin.not_set", "会员尚未设置支付密码",
                        "the member has no PIN for paying yet");
            }
            if (m.pinLockedUntil != null && m.pinLockedUntil.isAfter(now)) {
                return DmsException.conflict("pin", "pin.locked", "密码错误次数过多，请 " + PIN_LOCK_MINUTES + " 分钟后再试",
                        "too many wrong PINs: try again in " + PIN_LOCK_MINUTES + " minutes");
            }
            if (!Pins.matches(m.pinHash, pin)) {
                m.pinFailures++;
                if (m.pinFailures >= PIN_TRIES) {
                    m.pinLockedUntil = now.plusMinutes(PIN_LOCK_MINUTES);
                    m.pinFailures = 0;
                }
                return DmsException.invalid("pin", "pin.wrong", "支付密码不正确", "the PIN is wrong");
            }
            m.pinFailures = 0;
            m.pinLockedUntil = null;
            AuthorisationEntity a = new AuthorisationEntity();
            a.code = Pins.code();
            a.memberId = memberId;
            a.amount = amount.setScale(2);
            a.expiresAt = now.plusMinutes(AUTHORISATION_MINUTES);
            a.createdBy = actor.username();
            em.persist(a);
            return new Authorisation(a.code, memberId, a.amount, Stored.instant(a.expiresAt));
        }));
        if (outcome instanceof DmsException refused) {
            throw refused;
        }
        return (Authorisation) outcome;
    }

    @Override
    public Liability liability(LocalDate day, Actor actor) {
        permissions.require(actor, MembershipPermissions.REPORT_READ);
        if (day == null) {
            throw DmsException.invalid("day", "required", "请选择日期", "day is required");
        }
        LocalDateTime end = Stored.utc(day.plusDays(1).atStartOfDay(clock.zone()).toInstant());
        if (!day.isBefore(clock.today())) {
            // today (or a day to come): the balances as they stand, one row per member, not the whole ledger
            return jpa.txExpr(em -> {
                Object[] r = (Object[]) em.createQuery("SELECT COALESCE(SUM(b.principal), 0), COALESCE(SUM(b.bonus),"
                        + " 0), SUM(CASE WHEN b.principal + b.bonus > 0 THEN 1 ELSE 0 END) FROM BalanceEntity b")
                        .getSingleResult();
                return new Liability(day, new BigDecimal(r[0].toString()).setScale(2),
                        new BigDecimal(r[1].toString()).setScale(2), r[2] == null ? 0 : ((Number) r[2]).longValue());
            });
        }
        return jpa.txExpr(em -> {
            // each member's last entry before the day's end holds its balance then
            Object[] r = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(e.principal_after), 0),"
                    + " COALESCE(SUM(e.bonus_after), 0), COUNT(CASE WHEN e.principal_after + e.bonus_after > 0 THEN 1"
                    + " END) FROM mem_sv_entry e WHERE e.id IN (SELECT MAX(x.id) FROM mem_sv_entry x WHERE"
                    + " x.entered_at < ? GROUP BY x.member_id)").setParameter(1, java.sql.Timestamp.valueOf(end))
                    .getSingleResult();
            return new Liability(day, new BigDecimal(r[0].toString()).setScale(2),
                    new BigDecimal(r[1].toString()).setScale(2), ((Number) r[2]).longValue());
        });
    }

    @Override
    public List<TierChange> tierChanges(long memberId, Actor actor) {
        permissions.require(actor, MembershipPermissions.MEMBER_READ);
        return jpa.txExpr(em -> {
            member(em, memberId);
            return em.createQuery("SELECT c FROM TierChangeEntity c WHERE c.memberId = :m ORDER BY c.id DESC",
                    TierChangeEntity.class).setParameter("m", memberId).getResultList().stream()
                    .map(Records::tierChange).toList();
        });
    }

    /**
     * The coupons service (same bundle), for the summary's campaign results: got when a summary first needs it, as it
     * holds this service itself (see {@link LateServices}).
     */
    volatile List<JpaCoupons> coupons = List.of();
    private final LateServices<JpaCoupons> boundCoupons = new LateServices<>();

    @Reference(service = JpaCoupons.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unbindCoupons")
    void bindCoupons(ComponentServiceObjects<JpaCoupons> objects) {
        coupons = boundCoupons.bind(objects);
    }

    void unbindCoupons(ComponentServiceObjects<JpaCoupons> objects) {
        coupons = boundCoupons.unbind(objects);
    }

    @Override
    public MembershipSummary summary(LocalDate day, Actor actor) {
        Liability owed = liability(day, actor);
        List<JpaCoupons> c = coupons;
        List<CampaignResult> campaigns = c.isEmpty() ? List.of() : c.get(0).results(actor);
        return jpa.txExpr(em -> Summaries.of(em, day, Summaries.endOf(day, clock.zone()), owed, campaigns));
    }

    void tell(BiConsumer<MembershipListener, Member> event, Member member) {
        tellAll(l -> event.accept(l, member));
    }

    /** Tells every listener, after the change committed; one that throws is logged. */
    void tellAll(java.util.function.Consumer<MembershipListener> event) {
        for (MembershipListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.error("membership listener {} failed", l.getClass().getName(), e);
            }
        }
    }

    /** Tells a tier change, if any. */
    void told(TierChange change) {
        if (change != null) {
            tellAll(l -> l.tierChanged(change));
        }
    }

    private static final ThreadLocal<List<java.util.function.Consumer<MembershipListener>>> PENDING = new ThreadLocal<>();

    /**
     * Runs one attempt of a write and tells what it queued with {@link #later} once it returned (committed); an attempt
     * that throws tells nothing. Nested attempts hand theirs to the outer one.
     */
    <T> T telling(java.util.function.Supplier<T> attempt) {
        List<java.util.function.Consumer<MembershipListener>> outer = PENDING.get();
        List<java.util.function.Consumer<MembershipListener>> mine = new java.util.ArrayList<>();
        PENDING.set(mine);
        T result;
        try {
            result = attempt.get();
        } finally {
            PENDING.set(outer);
        }
        if (outer != null) {
            outer.addAll(mine);
        } else {
            mine.forEach(this::tellAll);
        }
        return result;
    }

    /** A transaction whose queued events are told once it committed. */
    <R> R tx(org.apache.aries.jpa.template.EmFunction<R> work) {
        return telling(() -> jpa.txExpr(work));
    }

    /** Queues an event of the running write (see {@link #telling}); outside one it is told at once. */
    void later(java.util.function.Consumer<MembershipListener> event) {
        List<java.util.function.Consumer<MembershipListener>> pending = PENDING.get();
        if (pending != null) {
            pending.add(event);
        } else {
            tellAll(event);
        }
    }

    /** Queues a tier change, if any. */
    void later(TierChange change) {
        if (change != null) {
            later(l -> l.tierChanged(change));
        }
    }
}
