package org.opendms.settlement.wechatpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.settlement.api.payment.Notification;
import org.opendms.settlement.api.payment.PaymentOrder;
import org.opendms.settlement.api.payment.PaymentProvider;
import org.opendms.settlement.api.payment.PaymentScene;
import org.opendms.settlement.api.payment.ProviderFailure;
import org.opendms.settlement.api.payment.ProviderPayment;
import org.opendms.settlement.api.payment.ProviderRefund;
import org.opendms.settlement.api.payment.ProviderState;
import org.opendms.settlement.api.payment.RefundOrder;
import org.opendms.settlement.api.payment.VerifiedNotification;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The driver against a local peer that checks and signs like WeChat Pay API v3. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeChatPayProviderTest {

    WeChatPayPeer peer;
    PaymentProvider driver;
    int orders;

    @BeforeAll
    void start() throws Exception {
        peer = new WeChatPayPeer(Clock.systemUTC());
        driver = peer.driver();
    }

    @AfterAll
    void stop() {
        peer.close();
    }

    private PaymentOrder order(PaymentScene scene, long fen, String authCode) {
        return new PaymentOrder("OP20261202" + String.format("%014d", ++orders), fen, "维修结算 JS20261202-0001", scene,
                authCode, Instant.now().plusSeconds(1800));
    }

    @Test
    void nativeQrGivesTheCodeUrlAndTheMerchantSignatureIsAccepted() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 35_000, null);
        int refused = peer.refusedRequests.size();
        ProviderPayment p = driver.create(o);
        assertEquals(ProviderState.PENDING, p.state());
        assertTrue(p.codeUrl().startsWith("weixin://wxpay/bizpayurl?pr="), p.codeUrl());
        assertEquals(35_000, peer.orders.get(o.outTradeNo()).path("amount").path("total").asLong());
        assertEquals(WeChatPayPeer.APP_ID, peer.orders.get(o.outTradeNo()).path("appid").asText());
        assertEquals(refused, peer.refusedRequests.size(), peer.refusedRequests.toString());
    }

    @Test
    void queryTellsPaidWithTheTransactionNumberOnceTheCustomerPaid() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 12_345, null);
        driver.create(o);
        assertEquals(ProviderState.PENDING, driver.query(o.outTradeNo()).state());
        ObjectNode paid = peer.customerPays(o.outTradeNo());
        ProviderPayment p = driver.query(o.outTradeNo());
        assertEquals(ProviderState.PAID, p.state());
        assertEquals(paid.path("transaction_id").asText(), p.transactionId());
        assertEquals(12_345L, p.amountFen());
        assertEquals(ProviderState.CLOSED, driver.query("OP2026120299999999999999").state(), "unknown to the provider");
    }

    @Test
    void closingAnUnpaidOrderClosesItAndAPaidOneReportsPaid() {
        PaymentOrder open = order(PaymentScene.NATIVE_QR, 9_900, null);
        driver.create(open);
        int refused = peer.refusedRequests.size();
        assertEquals(ProviderState.CLOSED, driver.close(open.outTradeNo()).state());
        assertTrue(peer.closed.contains(open.outTradeNo()), "the provider was asked to close it");
        assertEquals(refused, peer.refusedRequests.size(), "the close request carried our signature");
        assertEquals(ProviderState.CLOSED, driver.query(open.outTradeNo()).state());

        PaymentOrder paid = order(PaymentScene.NATIVE_QR, 5_000, null);
        driver.create(paid);
        peer.customerPays(paid.outTradeNo());
        ProviderPayment p = driver.close(paid.outTradeNo());
        assertEquals(ProviderState.PAID, p.state(), "paid at the last moment: not closed");
        assertFalse(peer.closed.contains(paid.outTradeNo()));
    }

    @Test
    void paymentCodePaysAtOnceOrWaitsForTheCustomersPassword() {
        ProviderPayment now = driver.create(order(PaymentScene.PAYMENT_CODE, 800, "134512345678901234"));
        assertEquals(ProviderState.PAID, now.state());
        assertTrue(now.transactionId().startsWith("42000"));
        ProviderPayment waiting = driver.create(order(PaymentScene.PAYMENT_CODE, 800, WeChatPayPeer.CODE_USERPAYING));
        assertEquals(ProviderState.PENDING, waiting.state());
    }

    @Test
    void notificationIsVerifiedAndDecrypted() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 50_000, null);
        driver.create(o);
        ObjectNode paid = peer.customerPays(o.outTradeNo());
        VerifiedNotification v = driver.verify(peer.notification(o.outTradeNo()));
        assertEquals("TRANSACTION.SUCCESS", v.eventType());
        assertEquals(o.outTradeNo(), v.payment().outTradeNo());
        assertEquals(ProviderState.PAID, v.payment().state());
        assertEquals(paid.path("transaction_id").asText(), v.payment().transactionId());
        assertEquals(50_000L, v.payment().amountFen());
    }

    @Test
    void aTamperedNotificationIsRefusedForItsSignature() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 50_000, null);
        driver.create(o);
        peer.customerPays(o.outTradeNo());
        Notification n = peer.notification(o.outTradeNo());
        String body = new String(n.body(), StandardCharsets.UTF_8).replace("支付成功", "支付成功 ");
        ProviderFailure f = assertThrows(ProviderFailure.class, () -> driver.verify(new Notification(n.headers(),
                body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ProviderFailure.SIGNATURE, f.code());

        Map<String, String> noSignature = new HashMap<>(n.headers());
        noSignature.remove("wechatpay-signature");
        assertEquals(ProviderFailure.SIGNATURE, assertThrows(ProviderFailure.class,
                () -> driver.verify(new Notification(noSignature, n.body()))).code());
    }

    @Test
    void aNotificationSealedWithAnotherApiV3KeyOrTooOldIsRefused() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 50_000, null);
        driver.create(o);
        peer.customerPays(o.outTradeNo());
        Notification n = peer.notification(o.outTradeNo());
        assertEquals(ProviderFailure.SIGNATURE, assertThrows(ProviderFailure.class,
                () -> peer.driverWithApiV3Key("0123456789abcdef0123456789abcdef").verify(n)).code());
        ProviderFailure old = assertThrows(ProviderFailure.class,
                () -> peer.driverLater(Duration.ofMinutes(6)).verify(n));
        assertTrue(old.getMessage().contains("Wechatpay-Timestamp"), old.getMessage());
    }

    @Test
    void anAnswerNotSignedByTheTrustedPlatformKeyIsNotBelieved() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        ProviderFailure f = assertThrows(ProviderFailure.class,
                () -> peer.driverTrusting(g.generateKeyPair()).create(order(PaymentScene.NATIVE_QR, 100, null)));
        assertEquals(ProviderFailure.SIGNATURE, f.code());
    }

    @Test
    void theProviderRefusesARequestSignedWithAnotherMerchantKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        int before = peer.refusedRequests.size();
        ProviderFailure f = assertThrows(ProviderFailure.class,
                () -> peer.driverSigningWith(g.generateKeyPair()).create(order(PaymentScene.NATIVE_QR, 100, null)));
        assertEquals(ProviderFailure.REFUSED, f.code());
        assertTrue(f.getMessage().contains("SIGN_ERROR"), f.getMessage());
        assertEquals(before + 1, peer.refusedRequests.size());
    }

    @Test
    void refundIsAskedWithTheAmountsInFen() {
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 20_000, null);
        driver.create(o);
        peer.customerPays(o.outTradeNo());
        ProviderRefund r = driver.refund(new RefundOrder(o.outTradeNo(), "RF2026120200000000000001", 5_000, 20_000,
                "红冲"));
        assertFalse(r.succeeded(), "PROCESSING until the bank confirms");
        assertTrue(r.refundId().startsWith("50300"));
        assertEquals(5_000, peer.refunds.get(peer.refunds.size() - 1).path("amount").path("refund").asLong());
        assertEquals(ProviderFailure.REFUSED, assertThrows(ProviderFailure.class, () -> driver.refund(new RefundOrder(
                "OP2026120299999999999998", "RF2026120200000000000002", 1, 1, "x"))).code());
    }

    @Test
    void theAccountIsReadFromTheShopsFilesUnderEtc(@org.junit.jupiter.api.io.TempDir java.nio.file.Path etc)
            throws Exception {
        peer.writeMerchantFiles(etc.resolve("wechatpay"));
        Map<String, Object> cfg = new HashMap<>(Map.of("mchId", WeChatPayPeer.MCH_ID, "appId", WeChatPayPeer.APP_ID,
                "merchantSerialNo", WeChatPayPeer.MERCHANT_SERIAL, "privateKeyPath", "wechatpay/apiclient_key.pem",
                "platformKeyPath", "wechatpay/pub_key.pem", "platformSerial", WeChatPayPeer.PLATFORM_SERIAL,
                "apiV3KeyPath", "wechatpay/apiv3.key", "baseUrl", peer.baseUrl() + "/"));
        cfg.put("notifyUrl", "https://shop.example/api/settlements/online-payments/notify/WECHATPAY");
        cfg.put("timeoutSeconds", 5);
        cfg.put("maxAgeSeconds", 300);
        WeChatPayConfig config = (WeChatPayConfig) java.lang.reflect.Proxy.newProxyInstance(
                WeChatPayConfig.class.getClassLoader(), new Class<?>[] { WeChatPayConfig.class },
                (proxy, method, args) -> cfg.get(method.getName()));
        PaymentProvider fromFiles = new WeChatPayProvider(WeChatPayAccount.read(config, etc), Clock.systemUTC());
        PaymentOrder o = order(PaymentScene.NATIVE_QR, 100, null);
        assertEquals(ProviderState.PENDING, fromFiles.create(o).state());
        peer.customerPays(o.outTradeNo());
        assertEquals(ProviderState.PAID, fromFiles.verify(peer.notification(o.outTradeNo())).payment().state());
    }

    @Test
    void anUnreachableProviderIsToldApart() throws Exception {
        WeChatPayPeer gone = new WeChatPayPeer(Clock.systemUTC());
        PaymentProvider d = gone.driver();
        gone.close();
        ProviderFailure f = assertThrows(ProviderFailure.class, () -> d.query("OP2026120200000000000001"));
        assertEquals(ProviderFailure.UNREACHABLE, f.code());
    }
}
