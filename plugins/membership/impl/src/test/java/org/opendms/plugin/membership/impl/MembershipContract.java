package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.plugin.membership.api.Authorisation;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.StoredValueKind;
import org.opendms.plugin.membership.api.TopUpRequest;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderContext;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderProvider;
import org.opendms.settlement.impl.SettledDocuments;

/**
 * Members and stored value on a real database migrated by the real changelogs; payments go through the real
 * settlement service with the plugin's tender bound to it, as DS binds it in Karaf.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MembershipContract {

    static final Actor CASHIER = new Actor("qian.cashier", Set.of("cashier"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("li.tech", Set.of("technician"), Channel.REST);
    static final String PIN = "246810";

    TestDatabase db;
    SettledDocuments documents;
    JpaMembership membership;
    StoredValueTender tender;
    final List<StoredValueEntry> told = new CopyOnWriteArrayList<>();
    /** When set, a second plugin tender of the same payment refuses: the payment fails after ours took. */
    volatile boolean failAfterUs;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        PluginOnDatabase on = new PluginOnDatabase(database(), new MembershipListener() {
            @Override
            public void storedValueMoved(Member member, StoredValueEntry entry) {
                told.add(entry);
            }
        });
        db = on.db;
        documents = on.documents;
        membership = on.membership;
        tender = on.storedValue;
        documents.tenders(List.of(tender, new FailingTender()));
    }

    @BeforeEach
    void reset() {
        failAfterUs = false;
        membership.configure(PluginOnDatabase.config("500:30,1000:100", "PROPORTIONAL"));
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    /** A second plugin tender that refuses when told to. */
    final class FailingTender implements TenderProvider {
        @Override
        public String method() {
            return "VOUCHER";
        }

        @Override
        public String nameZh() {
            return "代金券";
        }

        @Override
        public String nameEn() {
            return "Voucher";
        }

        @Override
        public Optional<BigDecimal> available(TenderContext context) {
            return Optional.of(BigDecimal.TEN);
        }

        @Override
        public String take(TenderContext context, BigDecimal amount, String reference) {
            if (failAfterUs) {
                throw DmsException.invalid("reference", "voucher.unknown", "代金券无效", "no such voucher");
            }
            return "V1";
        }

        @Override
        public void cancel(TenderContext context, String takenReference) {
        }

        @Override
        public void refund(TenderContext context, BigDecimal amount, String takenReference) {
        }
    }

    // ---- helpers

    long newCustomer() {
        return documents.customers().create(new CustomerDraft(CustomerType.PERSON, "会员" + System.nanoTime() % 100000,
                "139" + String.format("%08d", System.nanoTime() % 100_000_000L), null, null, List.of(), false, null),
                ADVISOR).id();
    }

    /** The customer of the settled documents joins with a PIN (once) and has the balance of {@code topUps}. */
    Member documentsMember() {
        return membership.ofCustomer(documents.customer(), CASHIER).orElseGet(() -> membership
                .join(new JoinRequest(documents.customer(), true, "COUNTER", PIN), ADVISOR));
    }

    Balance balance(Member m) {
        return membership.balance(m.id(), CASHIER);
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    static void same(String expected, BigDecimal actual) {
        assertEquals(0, yuan(expected).compareTo(actual), expected + " ≠ " + actual);
    }

    static DmsException refused(String field, String code, Runnable action) {
        DmsException e = assertThrows(DmsException.class, action::run);
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code)),
                e.violations().toString());
        return e;
    }

    /** Empties the member's card with an adjustment, so a test starts from a known balance. */
    void empty(Member m) {
        Balance b = balance(m);
        if (b.total().signum() > 0) {
            membership.adjust(m.id(), "DEDUCT", b.principal(), b.bonus(), "测试清零", MANAGER);
        }
    }

    Settlement payWithCard(Settlement s, String amount, String code, TenderDraft... others) {
        List<TenderDraft> tenders = new ArrayList<>(List.of(new TenderDraft("STORED_VALUE", yuan(amount), null, code)));
        tenders.addAll(List.of(others));
        return documents.service().pay(s.id(), s.version(), tenders, CASHIER);
    }

    // ---- members

    @Test
    void aCustomerJoinsOnlyWithConsentAndOnce() {
        long customer = newCustomer();
        refused("consent", "consent.required",
                () -> membership.join(new JoinRequest(customer, false, "COUNTER", null), ADVISOR));
        refused("pin", "pin.format",
                () -> membership.join(new JoinRequest(customer, true, "COUNTER", "12ab"), ADVISOR));
        refused("customerId", "customer.unknown",
                () -> membership.join(new JoinRequest(987654321L, true, "COUNTER", null), ADVISOR));
        assertTrue(membership.ofCustomer(customer, ADVISOR).isEmpty(), "nothing of a refused join is kept");

        Member m = membership.join(new JoinRequest(customer, true, "phone", null), ADVISOR);
        assertTrue(m.memberNumber().matches("M[0-9]{8}"), m.memberNumber());
        assertEquals("PHONE", m.consentChannel());
        assertEquals("wang.advisor", m.consentBy());
        assertFalse(m.pinSet());
        assertEquals(m, membership.byNumber(" " + m.memberNumber().toLowerCase() + " ", ADVISOR).orElseThrow());
        refused("customerId", "member.exists",
                () -> membership.join(new JoinRequest(customer, true, "COUNTER", null), ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> membership.join(new JoinRequest(newCustomer(), true, "COUNTER", null), TECHNICIAN)).kind());
        // the audit trail has the join, field by field (never a PIN: the record only says whether one is set)
        assertTrue(db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'member' AND action = 'CREATED'"
                + " AND record_id = '" + m.id() + "'") > 3);
    }

    @Test
    void eightDesksEnrollingOneCustomerAtOnceMakeOneMember() throws Exception {
        long customer = newCustomer();
        List<Object> outcomes = race(8, () -> membership.join(new JoinRequest(customer, true, "COUNTER", null),
                ADVISOR));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Member).count(), outcomes.toString());
        outcomes.stream().filter(o -> !(o instanceof Member)).forEach(o -> assertEquals("member.exists",
                ((DmsException) o).violations().get(0).code()));
        assertEquals(1, db.count("SELECT COUNT(*) FROM mem_member WHERE customer_id = " + customer));
    }

    // ---- stored value

    @Test
    void aTopUpKeepsPrincipalAndBonusApartWithTheShopsBonusRule() {
        Member m = membership.join(new JoinRequest(newCustomer(), true, "COUNTER", null), ADVISOR);
        StoredValueEntry first = membership.topUp(m.id(), new TopUpRequest(yuan("1000"), yuan("100"), "wechat",
                "WX-1"), CASHIER);
        assertEquals(StoredValueKind.TOP_UP, first.kind());
        same("1000", first.principal());
        same("100", first.bonus());
        // no bonus given: the rule's step the amount reaches (500 → 30)
        StoredValueEntry second = membership.topUp(m.id(), new TopUpRequest(yuan("800"), null, "CASH", null),
                CASHIER);
        same("30", second.bonus());
        Balance b = balance(m);
        same("1800", b.principal());
        same("130", b.bonus());
        same("1930", b.total());
        assertTrue(told.contains(second));

        refused("amount", "out_of_range", () -> membership.topUp(m.id(), new TopUpRequest(yuan("-5"), null, "CASH",
                null), CASHIER));
        refused("amount", "scale", () -> membership.topUp(m.id(), new TopUpRequest(yuan("10.001"), null, "CASH",
                null), CASHIER));
        refused("paidWith", "invalid", () -> membership.topUp(m.id(), new TopUpRequest(yuan("10"), null,
                "STORED_VALUE", null), CASHIER));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class, () -> membership.topUp(m.id(),
                new TopUpRequest(yuan("10"), null, "CASH", null), ADVISOR)).kind());
        assertEquals(b, balance(m), "refused top-ups change nothing");
        assertEquals(2, membership.ledger(m.id(), new PageRequest(0, 20), CASHIER).total());
    }

    @Test
    void payingWithTheCardNeedsThePinTakesPrincipalAndBonusInProportionAndAReversalPutsBothBack() {
        Member m = documentsMember();
        empty(m);
        membership.topUp(m.id(), new TopUpRequest(yuan("1000"), yuan("100"), "CASH", null), CASHIER);
        Settlement bill = documents.open("200");
        // the cashier's dialog offers the card with what it holds, through the settlement's own service
        var offered = documents.service().availableTenders(bill.id(), CASHIER).stream()
                .filter(a -> a.method().equals("STORED_VALUE")).findFirst().orElseThrow();
        same("1100", offered.available());
        assertEquals("储值卡", offered.nameZh());

        refused("pin", "pin.wrong", () -> membership.authorise(m.id(), "000000", yuan("200"), CASHIER));
        Authorisation ok = membership.authorise(m.id(), PIN, bill.payable(), CASHIER);
        // no code, another's code, more than authorised: refused, nothing paid
        refused("reference", "authorisation.required", () -> payWithCard(bill, bill.payable().toPlainString(), null));
        refused("reference", "authorisation.unknown", () -> payWithCard(bill, bill.payable().toPlainString(),
                "ZZZZZZZZ"));
        assertEquals(SettlementStatus.OPEN, documents.service().get(bill.id()).status());

        Settlement paid = payWithCard(bill, bill.payable().toPlainString(), ok.code().toLowerCase());
        assertEquals(SettlementStatus.SETTLED, paid.status());
        BigDecimal payable = bill.payable();
        // 1,000 + 100 pays in the proportion 10 : 1
        BigDecimal bonus = payable.multiply(yuan("100")).divide(yuan("1100"), 2, java.math.RoundingMode.HALF_UP);
        Balance after = balance(m);
        same(yuan("100").subtract(bonus).toPlainString(), after.bonus());
        same(yuan("1000").subtract(payable.subtract(bonus)).toPlainString(), after.principal());
        StoredValueEntry payment = membership.ledger(m.id(), new PageRequest(0, 1), CASHIER).items().get(0);
        assertEquals(StoredValueKind.PAYMENT, payment.kind());
        assertEquals(bill.id(), payment.settlementId());
        assertEquals(bill.number(), payment.reference());

        // the code was used: a second payment needs the PIN again
        Settlement next = documents.open("50");
        refused("reference", "authorisation.used", () -> payWithCard(next, next.payable().toPlainString(),
                ok.code()));

        documents.reverse(paid);
        Balance back = balance(m);
        same("1000", back.principal());
        same("100", back.bonus());
        assertEquals(StoredValueKind.PAYMENT_BACK,
                membership.ledger(m.id(), new PageRequest(0, 1), CASHIER).items().get(0).kind());
    }

    @Test
    void aPaymentThatFailsAfterTheCardWasTakenGivesItBackAndTheCodeCanBeUsedAgain() {
        Member m = documentsMember();
        empty(m);
        membership.topUp(m.id(), new TopUpRequest(yuan("300"), yuan("0"), "CASH", null), CASHIER);
        Settlement bill = documents.open("100");
        Authorisation ok = membership.authorise(m.id(), PIN, bill.payable(), CASHIER);
        failAfterUs = true;
        BigDecimal rest = bill.payable().subtract(yuan("10"));
        refused("reference", "voucher.unknown", () -> payWithCard(bill, rest.toPlainString(), ok.code(),
                new TenderDraft("VOUCHER", yuan("10"), null, "V")));
        same("300", balance(m).total());
        assertEquals(SettlementStatus.OPEN, documents.service().get(bill.id()).status());

        failAfterUs = false;
        Settlement paid = payWithCard(documents.service().get(bill.id()), rest.toPlainString(), ok.code(),
                new TenderDraft("VOUCHER", yuan("10"), null, "V"));
        assertEquals(SettlementStatus.SETTLED, paid.status());
        same(yuan("300").subtract(rest).toPlainString(), balance(m).total());
    }

    @Test
    void moreThanTheBalanceIsRefusedAndNothingChanges() {
        Member m = documentsMember();
        empty(m);
        membership.topUp(m.id(), new TopUpRequest(yuan("20"), yuan("0"), "CASH", null), CASHIER);
        Settlement bill = documents.open("100");
        Authorisation ok = membership.authorise(m.id(), PIN, bill.payable(), CASHIER);
        Balance before = balance(m);
        refused("amount", "balance.insufficient", () -> payWithCard(bill, bill.payable().toPlainString(), ok
                .code()));
        assertEquals(before, balance(m));
        assertEquals(SettlementStatus.OPEN, documents.service().get(bill.id()).status());
    }

    @Test
    void fiveWrongPinsLockTheCard() {
        Member m = membership.join(new JoinRequest(newCustomer(), true, "COUNTER", "135790"), ADVISOR);
        for (int i = 0; i < JpaMembership.PIN_TRIES; i++) {
            refused("pin", "pin.wrong", () -> membership.authorise(m.id(), "000000", yuan("10"), CASHIER));
        }
        refused("pin", "pin.locked", () -> membership.authorise(m.id(), "135790", yuan("10"), CASHIER));
        // the manager resets the PIN with the member present: the lock goes with it
        Member again = membership.setPin(m.id(), membership.get(m.id(), MANAGER).version(), "112233", MANAGER);
        assertTrue(again.pinSet());
        assertEquals(m.id(), membership.authorise(m.id(), "112233", yuan("10"), CASHIER).memberId());
    }

    @Test
    void aRefundPaysBackPrincipalOnlyAndTheBonusGoesWithIt() {
        Member m = membership.join(new JoinRequest(newCustomer(), true, "COUNTER", null), ADVISOR);
        membership.topUp(m.id(), new TopUpRequest(yuan("1000"), yuan("100"), "CASH", null), CASHIER);
        refused("reason", "required", () -> membership.refund(m.id(), yuan("500"), "", MANAGER));
        refused("principal", "refund.over_principal", () -> membership.refund(m.id(), yuan("1000.01"), "退卡",
                MANAGER));
        assertEquals(DmsException.Kind.FORBIDDEN, assertThrows(DmsException.class,
                () -> membership.refund(m.id(), yuan("500"), "退卡", CASHIER)).kind());
        StoredValueEntry r = membership.refund(m.id(), yuan("500"), "客户搬家，退一半", MANAGER);
        same("-500", r.principal());
        same("-50", r.bonus());
        same("500", r.principalAfter());
        same("50", r.bonusAfter());
        refused("principal", "required", () -> membership.adjust(m.id(), "ADD", null, null, "没有金额", MANAGER));
        refused("direction", "invalid", () -> membership.adjust(m.id(), "SET", yuan("1"), null, "设为", MANAGER));
        refused("principal", "out_of_range", () -> membership.adjust(m.id(), "ADD", yuan("-1"), null, "负数", MANAGER));
        refused("amount", "balance.insufficient", () -> membership.adjust(m.id(), "DEDUCT", yuan("600"), null, "扣错",
                MANAGER));
        StoredValueEntry added = membership.adjust(m.id(), "add", null, yuan("20"), "活动补赠", MANAGER);
        same("20", added.bonus());
        membership.adjust(m.id(), "DEDUCT", null, yuan("20"), "补赠冲回", MANAGER);
        same("550", balance(m).total());
    }

    @Test
    void theLiabilityOfADayIsTheLastBalanceOfEveryMemberThatDay() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        var before = membership.liability(today, MANAGER);
        Member m = membership.join(new JoinRequest(newCustomer(), true, "COUNTER", null), ADVISOR);
        membership.topUp(m.id(), new TopUpRequest(yuan("2000"), yuan("300"), "CASH", null), CASHIER);
        membership.refund(m.id(), yuan("200"), "部分退款", MANAGER);
        var after = membership.liability(today, MANAGER);
        same("1800", after.principal().subtract(before.principal()));
        same("270", after.bonus().subtract(before.bonus()));
        assertEquals(before.members() + 1, after.members());
        // the day before knew nothing of it
        var yesterday = membership.liability(today.minusDays(1), MANAGER);
        assertTrue(yesterday.principal().compareTo(after.principal()) < 0);
        assertEquals(DmsException.Kind.FORBIDDEN,
                assertThrows(DmsException.class, () -> membership.liability(today, CASHIER)).kind());
    }

    @Test
    void cashiersPayingFromOneCardAtOnceNeverTakeItBelowZero() throws Exception {
        Member m = documentsMember();
        empty(m);
        membership.topUp(m.id(), new TopUpRequest(yuan("1000"), yuan("100"), "CASH", null), CASHIER);
        int cashiers = 8;
        List<Settlement> bills = new ArrayList<>();
        List<Authorisation> codes = new ArrayList<>();
        for (int i = 0; i < cashiers; i++) {
            Settlement bill = documents.open("250");
            bills.add(bill);
            codes.add(membership.authorise(m.id(), PIN, bill.payable(), CASHIER));
        }
        long t0 = System.nanoTime();
        List<Object> outcomes = race(cashiers, i -> payWithCard(bills.get(i), bills.get(i).payable().toPlainString(),
                codes.get(i).code()));
        double ms = (System.nanoTime() - t0) / 1e6;
        long paid = outcomes.stream().filter(o -> o instanceof Settlement).count();
        BigDecimal each = bills.get(0).payable();
        assertEquals(yuan("1100").divide(each, 0, java.math.RoundingMode.DOWN).longValue(), paid, outcomes.toString());
        outcomes.stream().filter(o -> !(o instanceof Settlement)).forEach(o -> assertEquals("balance.insufficient",
                ((DmsException) o).violations().get(0).code(), o.toString()));
        Balance b = balance(m);
        same(yuan("1100").subtract(each.multiply(BigDecimal.valueOf(paid))).toPlainString(), b.total());
        assertTrue(b.principal().signum() >= 0 && b.bonus().signum() >= 0);
        // the ledger adds up to the balance
        assertEquals(0, b.principal().compareTo(sum("principal", m.id())));
        assertEquals(0, b.bonus().compareTo(sum("bonus", m.id())));
        System.out.printf("%s: %d cashiers paid %s each from one card of 1,100 at once: %d paid, %d refused,"
                + " balance %s, in %.0f ms%n", getClass().getSimpleName(), cashiers, each, paid, cashiers - paid,
                b.total(), ms);
    }

    BigDecimal sum(String column, long memberId) {
        return new BigDecimal(String.valueOf(db.count("SELECT CAST(SUM(" + column + ") * 100 AS BIGINT) FROM"
                + " mem_sv_entry WHERE member_id = " + memberId))).movePointLeft(2);
    }

    interface Indexed {
        Object call(int i) throws Exception;
    }

    List<Object> race(int n, Callable<Object> each) throws Exception {
        return race(n, i -> each.call());
    }

    /** Runs n calls released at the same moment; answers each result or the DmsException it threw. */
    static List<Object> race(int n, Indexed each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return each.call(at);
                    } catch (DmsException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    TenderContext context(Settlement s) {
        return new TenderContext(s.id(), s.number(), s.workOrderId(), s.customerId(), s.payer(), s.payable(),
                CASHIER);
    }
}
