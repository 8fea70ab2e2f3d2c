package org.opendms.settlement.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.TenderDraft;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.settlement.api.payment.Notification;
import org.opendms.settlement.api.payment.NotificationOutcome;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePaymentStatus;
import org.opendms.settlement.api.payment.PaymentScene;
import org.opendms.settlement.impl.SettledDocuments;
import org.opendms.settlement.wechatpay.WeChatPayPeer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Online payments on a real database with the real settlement service, paid through the WeChat Pay driver against its
 * local protocol peer: what the cashier and the provider do, and what the shop's records show afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnlinePaymentContract {

    static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final String WECHATPAY = "WECHATPAY";

    TestDatabase db;
    WeChatPayPeer peer;
    SettledDocuments desk;
    OnlinePaymentService service;

    abstract TestDatabase database();

    @BeforeAll
    void start() throws Exception {
        db = database();
        peer = new WeChatPayPeer(Clock.systemUTC());
        TestShopClock clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
        var permissions = TestPermissions.of();
        var audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions);
        desk = new SettledDocuments(db, clock, permissions, audit);
        db.migrate("db/org.opendms.settlement.payment/changelog.xml");
        service = new OnlinePaymentService();
        service.jpa = db.jpa("dms-payment");
        service.clock = clock;
        service.permissions = permissions;
        service.audit = audit;
        service.settlements = desk.service();
        service.providers = List.of(peer.driver());
        service.activate();
        desk.listeners(List.of(service));
    }

    @AfterAll
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private OnlinePayment qr(Settlement bill) {
        return service.start(bill.id(), WECHATPAY, PaymentScene.NATIVE_QR, null, null, CASHIER);
    }

    private long notifications(String number, NotificationOutcome outcome) {
        return db.count("SELECT COUNT(*) FROM stl_online_notification WHERE pay_number = '" + number
                + "' AND outcome = '" + outcome + "'");
    }

    private static long wechatTenders(Settlement s) {
        return s.tenders().stream().filter(t -> TenderMethods.WECHAT.equals(t.method())).count();
    }

    @Test
    void aPaidQrCodeBecomesTheTenderOnceThoughTheNotificationComesTenTimes() {
        Settlement bill = desk.open("300.00");
        OnlinePayment p = qr(bill);
        assertEquals(OnlinePaymentStatus.PENDING, p.status());
        assertEquals(bill.payable(), p.amount());
        assertTrue(p.codeUrl().startsWith("weixin://"), p.codeUrl());
        ObjectNode paid = peer.customerPays(p.number());
        Notification n = peer.notification(p.number());
        List<NotificationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(service.notify(WECHATPAY, n));
        }
        assertEquals(NotificationOutcome.APPLIED, outcomes.get(0));
        assertTrue(outcomes.subList(1, 10).stream().allMatch(o -> o == NotificationOutcome.DUPLICATE), outcomes
                .toString());
        Settlement after = desk.service().get(bill.id());
        assertEquals(SettlementStatus.SETTLED, after.status());
        assertEquals(1, wechatTenders(after));
        assertEquals(paid.path("transaction_id").asText(), after.tenders().get(0).reference());
        assertEquals(OnlinePaymentStatus.APPLIED, service.get(p.id(), CASHIER).status());
        assertEquals(1, notifications(p.number(), NotificationOutcome.APPLIED));
        assertEquals(9, notifications(p.number(), NotificationOutcome.DUPLICATE));
    }

    @Test
    void notificationsArrivingTogetherChangeThePaymentOnceAndNoneFails() throws Exception {
        Settlement bill = desk.open("120.00");
        OnlinePayment p = qr(bill);
        peer.customerPays(p.number());
        Notification n = peer.notification(p.number());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<NotificationOutcome>> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return service.notify(WECHATPAY, n);
            }));
        }
        go.countDown();
        List<NotificationOutcome> outcomes = new ArrayList<>();
        for (Future<NotificationOutcome> f : all) {
            outcomes.add(f.get()); // an exception here would be a 5xx at the endpoint
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter(o -> o == NotificationOutcome.APPLIED).count(), outcomes.toString());
        Settlement after = desk.service().get(bill.id());
        assertEquals(SettlementStatus.SETTLED, after.status());
        assertEquals(1, wechatTenders(after));
        assertEquals(OnlinePaymentStatus.APPLIED, service.get(p.id(), CASHIER).status());
    }

    @Test
    void twoCashiersStartingAPaymentOfOneBillAtOnceMakeOnePendingPayment() throws Exception {
        Settlement bill = desk.open("75.00");
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(pool.submit(() -> {
                go.await();
                try {
                    return qr(bill).status().name();
                } catch (DmsException e) {
                    return e.kind() + " " + e.violations().get(0).code();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : all) {
            outcomes.add(f.get()); // anything but a refusal would be a 5xx at the endpoint
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter("PENDING"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> !"PENDING".equals(o))
                .allMatch("CONFLICT online_payment.pending"::equals), outcomes.toString());
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_online_payment WHERE settlement_id = " + bill.id()));
    }

    @Test
    void aNotificationWithABadSignatureChangesNothingAndIsRecorded() {
        Settlement bill = desk.open("80.00");
        OnlinePayment p = qr(bill);
        peer.customerPays(p.number());
        Notification n = peer.notification(p.number());
        Notification forged = new Notification(n.headers(), new String(n.body(), StandardCharsets.UTF_8)
                .replace("\"支付成功\"", "\"paid\"").getBytes(StandardCharsets.UTF_8));
        DmsException e = assertThrows(DmsException.class, () -> service.notify(WECHATPAY, forged));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals("signature", e.violations().get(0).field());
        assertEquals(OnlinePaymentStatus.PENDING, service.get(p.id(), CASHIER).status());
        assertEquals(SettlementStatus.OPEN, desk.service().get(bill.id()).status());
        assertTrue(db.count("SELECT COUNT(*) FROM stl_online_notification WHERE outcome = 'REFUSED'") >= 1);
    }

    @Test
    void aSignedNotificationOfAnotherAmountChangesNothingAndIsRecorded() {
        Settlement bill = desk.open("200.00");
        OnlinePayment p = qr(bill);
        ObjectNode paid = peer.customerPays(p.number()).deepCopy();
        paid.with("amount").put("total", 1);
        assertEquals(NotificationOutcome.MISMATCH, service.notify(WECHATPAY, peer.notificationOf(paid, "EV-x")));
        assertEquals(OnlinePaymentStatus.PENDING, service.get(p.id(), CASHIER).status());
        assertEquals(SettlementStatus.OPEN, desk.service().get(bill.id()).status());
        assertEquals(1, notifications(p.number(), NotificationOutcome.MISMATCH));
        // the real notification still pays it
        assertEquals(NotificationOutcome.APPLIED, service.notify(WECHATPAY, peer.notification(p.number())));
        assertEquals(SettlementStatus.SETTLED, desk.service().get(bill.id()).status());
    }

    @Test
    void aLateNotificationIsNotWaitedForTheCashierAsksTheProvider() {
        Settlement bill = desk.open("150.00");
        OnlinePayment p = qr(bill);
        assertEquals(OnlinePaymentStatus.PENDING, service.refresh(p.id(), CASHIER).status(), "not paid yet");
        peer.customerPays(p.number());
        assertEquals(OnlinePaymentStatus.APPLIED, service.refresh(p.id(), CASHIER).status());
        assertEquals(NotificationOutcome.DUPLICATE, service.notify(WECHATPAY, peer.notification(p.number())));
        assertEquals(1, wechatTenders(desk.service().get(bill.id())));
    }

    @Test
    void thePaymentCodeScannedPaysAtOnce() {
        Settlement bill = desk.open("66.00");
        OnlinePayment p = service.start(bill.id(), WECHATPAY, PaymentScene.PAYMENT_CODE, null, "134512345678900001",
                CASHIER);
        assertEquals(OnlinePaymentStatus.APPLIED, p.status());
        assertEquals(SettlementStatus.SETTLED, desk.service().get(bill.id()).status());
        OnlinePayment waiting = service.start(desk.open("10.00").id(), WECHATPAY, PaymentScene.PAYMENT_CODE,
                null, WeChatPayPeer.CODE_USERPAYING, CASHIER);
        assertEquals(OnlinePaymentStatus.PENDING, waiting.status(), "the customer still has to confirm");
    }

    @Test
    void partPaidOnlineTheCashierTakesTheRestAndThePaymentIsItsTender() {
        Settlement bill = desk.open("300.00");
        OnlinePayment p = service.start(bill.id(), WECHATPAY, PaymentScene.NATIVE_QR, new BigDecimal("100"), null,
                CASHIER);
        peer.customerPays(p.number());
        assertEquals(NotificationOutcome.APPLIED, service.notify(WECHATPAY, peer.notification(p.number())));
        OnlinePayment paid = service.get(p.id(), CASHIER);
        assertEquals(OnlinePaymentStatus.PAID, paid.status(), "waits for the rest");
        Settlement open = desk.service().get(bill.id());
        assertEquals(SettlementStatus.OPEN, open.status());
        desk.service().pay(open.id(), open.version(), List.of(new TenderDraft(TenderMethods.WECHAT,
                new BigDecimal("100.00"), null, paid.transactionId()),
                new TenderDraft(TenderMethods.CASH, open
                        .outstanding().subtract(new BigDecimal("100.00")), null, null)),
                CASHIER);
        assertEquals(OnlinePaymentStatus.APPLIED, service.get(p.id(), CASHIER).status());
    }

    @Test
    void theManagerRefundsAtMostWhatWasPaid() {
        Settlement bill = desk.open("100.00");
        OnlinePayment p = service.start(bill.id(), WECHATPAY, PaymentScene.PAYMENT_CODE, null, "134512345678900002",
                CASHIER);
        DmsException cashier = assertThrows(DmsException.class, () -> service.refund(p.id(), new BigDecimal("10"),
                "多收", CASHIER));
        assertEquals(DmsException.Kind.FORBIDDEN, cashier.kind());
        OnlinePayment refunded = service.refund(p.id(), new BigDecimal("50.00"), "红冲 部分退款", MANAGER);
        assertEquals(new BigDecimal("50.00"), refunded.refunded());
        assertEquals(5_000, peer.refunds.get(peer.refunds.size() - 1).path("amount").path("refund").asLong());
        DmsException over = assertThrows(DmsException.class, () -> service.refund(p.id(), p.amount(), "再退",
                MANAGER));
        assertEquals("amount", over.violations().get(0).field());
        assertEquals(new BigDecimal("50.00"), service.get(p.id(), CASHIER).refunded(), "nothing more reserved");
        assertEquals("reason", assertThrows(DmsException.class, () -> service.refund(p.id(), BigDecimal.ONE, " ",
                MANAGER)).violations().get(0).field());
    }

    @Test
    void aReversalGivesTheOnlinePaymentBackThroughTheProviderOnce() {
        Settlement bill = desk.open("80.00");
        OnlinePayment p = service.start(bill.id(), WECHATPAY, PaymentScene.PAYMENT_CODE, null, "134512345678900003",
                CASHIER);
        assertEquals(OnlinePaymentStatus.APPLIED, service.get(p.id(), CASHIER).status());
        int before = peer.refunds.size();
        Settlement paid = desk.service().get(bill.id());
        desk.service().reverse(paid.id(), paid.version(), "开错单", MANAGER);
        OnlinePayment after = service.get(p.id(), CASHIER);
        assertEquals(p.amount(), after.refunded(), "the whole payment back to the customer's WeChat");
        assertEquals(before + 1, peer.refunds.size(), "one refund asked of the provider");
        assertEquals(p.amount().movePointRight(2).longValueExact(),
                peer.refunds.get(peer.refunds.size() - 1).path("amount").path("refund").asLong());
        assertEquals(1, db.count("SELECT COUNT(*) FROM stl_online_refund WHERE payment_id = " + p.id()
                + " AND created_by = 'zhao.manager'"), "in the manager's name");
        assertEquals("amount", assertThrows(DmsException.class, () -> service.refund(p.id(), BigDecimal.ONE, "再退",
                MANAGER)).violations().get(0).field(), "nothing left to give back");
    }

    @Test
    void thePendingQrCodeIsClosedByHandAndTheBillCanBePaidAgain() {
        Settlement bill = desk.open("60.00");
        OnlinePayment p = qr(bill);
        assertEquals(DmsException.Kind.CONFLICT, assertThrows(DmsException.class, () -> qr(bill)).kind(),
                "one pending payment per bill");
        OnlinePayment closed = service.close(p.id(), CASHIER);
        assertEquals(OnlinePaymentStatus.CLOSED, closed.status());
        assertTrue(peer.closed.contains(p.number()), "closed at the provider: the old QR code can never be paid");
        assertEquals("payment.not_pending", assertThrows(DmsException.class, () -> service.close(p.id(), CASHIER))
                .violations().get(0).code());
        OnlinePayment again = qr(bill);
        assertEquals(OnlinePaymentStatus.PENDING, again.status(), "a new QR code for the same bill");

        // the customer pays just as the cashier closes: taken as paid, the bill settled
        peer.customerPays(again.number());
        OnlinePayment late = service.close(again.id(), CASHIER);
        assertEquals(OnlinePaymentStatus.APPLIED, late.status());
        assertEquals(SettlementStatus.SETTLED, desk.service().get(bill.id()).status());
        assertFalse(peer.closed.contains(again.number()));
    }

    @Test
    void aWrongStartIsRefusedWithItsFieldAndStoresNothing() {
        Settlement bill = desk.open("50.00");
        long before = db.count("SELECT COUNT(*) FROM stl_online_payment");
        assertEquals("amount", assertThrows(DmsException.class, () -> service.start(bill.id(), WECHATPAY,
                PaymentScene.NATIVE_QR, bill.payable().add(BigDecimal.ONE), null, CASHIER)).violations().get(0)
                        .field());
        assertEquals("provider", assertThrows(DmsException.class, () -> service.start(bill.id(), "PAYPAL",
                PaymentScene.NATIVE_QR, null, null, CASHIER)).violations().get(0).field());
        assertEquals("settlementId", assertThrows(DmsException.class, () -> service.start(999_999, WECHATPAY,
                PaymentScene.NATIVE_QR, null, null, CASHIER)).violations().get(0).field());
        assertEquals("authCode", assertThrows(DmsException.class, () -> service.start(bill.id(), WECHATPAY,
                PaymentScene.PAYMENT_CODE, null, "12ab", CASHIER)).violations().get(0).field());
        assertEquals(before, db.count("SELECT COUNT(*) FROM stl_online_payment"));
        OnlinePayment first = qr(bill);
        DmsException twice = assertThrows(DmsException.class, () -> qr(bill));
        assertEquals(DmsException.Kind.CONFLICT, twice.kind());
        assertNotNull(first.codeUrl());
        assertEquals(before + 1, db.count("SELECT COUNT(*) FROM stl_online_payment"));
    }
}
