package org.opendms.settlement.wechatpay;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.opendms.settlement.api.TenderMethods;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 微信支付 API v3, direct merchant (直连商户): Native QR ({@code /v3/pay/transactions/native}), payment code
 * ({@code /v3/pay/transactions/codepay}), query by the shop's number, domestic refunds, and payment notifications.
 * Active only with etc/org.opendms.settlement.wechatpay.cfg.
 */
@Component(configurationPid = WeChatPayConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WeChatPayConfig.class)
public class WeChatPayProvider implements PaymentProvider {

    static final String CODE = "WECHATPAY";
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private WeChatPayAccount account;
    private WeChatPayClient client;
    private Clock clock = Clock.systemUTC();

    public WeChatPayProvider() {
    }

    /** For tests: an account and a clock of their own. */
    WeChatPayProvider(WeChatPayAccount account, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.client = new WeChatPayClient(account, clock);
    }

    @Activate
    void activate(WeChatPayConfig config) throws IOException, GeneralSecurityException {
        account = WeChatPayAccount.read(config, Path.of(System.getProperty("karaf.etc", "etc")));
        client = new WeChatPayClient(account, clock);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String tenderMethod() {
        return TenderMethods.WECHAT;
    }

    @Override
    public String nameZh() {
        return "微信支付";
    }

    @Override
    public String nameEn() {
        return "WeChat Pay";
    }

    @Override
    public ProviderPayment create(PaymentOrder order) {
        ObjectNode body = WeChatPayClient.JSON.createObjectNode();
        body.put("appid", account.appId()).put("mchid", account.mchId()).put("description", order.description())
                .put("out_trade_no", order.outTradeNo());
        body.putObject("amount").put("total", order.amountFen()).put("currency", "CNY");
        if (order.scene() == PaymentScene.NATIVE_QR) {
            body.put("time_expire", OffsetDateTime.ofInstant(order.expiresAt().truncatedTo(ChronoUnit.SECONDS), CHINA)
                    .toString()).put("notify_url", account.notifyUrl());
            WeChatPayClient.Answer a = client.post("/v3/pay/transactions/native", body);
            if (!a.ok() || a.body().path("code_url").asText("").isEmpty()) {
                throw new ProviderFailure(ProviderFailure.REFUSED, a.message());
            }
            return new ProviderPayment(order.outTradeNo(), ProviderState.PENDING, null, order.amountFen(),
                    a.body().path("code_url").asText(), null, "NOTPAY");
        }
        body.putObject("payer").put("auth_code", order.authCode());
        WeChatPayClient.Answer a = client.post("/v3/pay/transactions/codepay", body);
        if (!a.ok() && "USERPAYING".equals(a.code())) {
            // the customer confirms on the phone: the notification or a query tells the result
            return new ProviderPayment(order.outTradeNo(), ProviderState.PENDING, null, order.amountFen(), null, null,
                    a.message());
        }
        if (!a.ok()) {
            throw new ProviderFailure(ProviderFailure.REFUSED, a.message());
        }
        return payment(a.body());
    }

    @Override
    public ProviderPayment query(String outTradeNo) {
        WeChatPayClient.Answer a = client.get("/v3/pay/transactions/out-trade-no/"
                + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8) + "?mchid=" + account.mchId());
        if ("ORDERNOTEXIST".equals(a.code())) {
            return new ProviderPayment(outTradeNo, ProviderState.CLOSED, null, null, null, null, a.message());
        }
        if (!a.ok()) {
            throw new ProviderFailure(ProviderFailure.REFUSED, a.message());
        }
        return payment(a.body());
    }

    /** 关闭订单: 204 when closed; ORDERPAID when the customer paid first. Either way the query says what it is now. */
    @Override
    public ProviderPayment close(String outTradeNo) {
        ObjectNode body = WeChatPayClient.JSON.createObjectNode().put("mchid", account.mchId());
        WeChatPayClient.Answer a = client.post("/v3/pay/transactions/out-trade-no/"
                + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8) + "/close", body);
        if (!a.ok() && !"ORDERPAID".equals(a.code())) {
            throw new ProviderFailure(ProviderFailure.REFUSED, a.message());
        }
        return query(outTradeNo);
    }

    @Override
    public ProviderRefund refund(RefundOrder order) {
        ObjectNode body = WeChatPayClient.JSON.createObjectNode();
        body.put("out_trade_no", order.outTradeNo()).put("out_refund_no", order.outRefundNo())
                .put("reason", order.reason());
        body.putObject("amount").put("refund", order.refundFen()).put("total", order.totalFen()).put("currency",
                "CNY");
        WeChatPayClient.Answer a = client.post("/v3/refund/domestic/refunds", body);
        String status = a.body().path("status").asText("");
        if (!a.ok() || !("SUCCESS".equals(status) || "PROCESSING".equals(status))) {
            throw new ProviderFailure(ProviderFailure.REFUSED, a.ok() ? "refund " + status : a.message());
        }
        return new ProviderRefund(order.outRefundNo(), a.body().path("refund_id").asText(null),
                "SUCCESS".equals(status), status);
    }

    @Override
    public VerifiedNotification verify(Notification n) {
        String body = new String(n.body(), StandardCharsets.UTF_8);
        String why = account.refusal(n.header("Wechatpay-Serial"), n.header("Wechatpay-Timestamp"),
                n.header("Wechatpay-Nonce"), n.header("Wechatpay-Signature"), body, clock.instant());
        if (why != null) {
            throw new ProviderFailure(ProviderFailure.SIGNATURE, why);
        }
        JsonNode envelope;
        String plain;
        try {
            envelope = WeChatPayClient.JSON.readTree(body);
            JsonNode r = envelope.path("resource");
            if (!"AEAD_AES_256_GCM".equals(r.path("algorithm").asText())) {
                throw new ProviderFailure(ProviderFailure.MALFORMED, "resource algorithm "
                        + r.path("algorithm").asText() + ", not AEAD_AES_256_GCM");
            }
            plain = WeChatPayCrypto.decrypt(account.apiV3Key(), r.path("associated_data").asText(null),
                    r.path("nonce").asText(""), r.path("ciphertext").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProviderFailure(ProviderFailure.MALFORMED, "not a WeChat Pay notification: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            // signed by the platform but not sealed with our APIv3 key: a wrong key, or not for this merchant
            throw new ProviderFailure(ProviderFailure.SIGNATURE, "the resource does not decrypt with the APIv3 key", e);
        }
        JsonNode transaction;
        try {
            transaction = WeChatPayClient.JSON.readTree(plain);
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.MALFORMED, "the resource is not JSON", e);
        }
        if (!account.mchId().equals(transaction.path("mchid").asText())) {
            throw new ProviderFailure(ProviderFailure.SIGNATURE, "for merchant " + transaction.path("mchid").asText()
                    + ", this is " + account.mchId());
        }
        return new VerifiedNotification(envelope.path("id").asText(null), envelope.path("event_type").asText(""),
                payment(transaction));
    }

    /** A transaction object of v3 (query answer, payment-code answer, decrypted notification) as the SPI's report. */
    static ProviderPayment payment(JsonNode t) {
        String state = t.path("trade_state").asText("");
        ProviderState s = switch (state) {
        case "SUCCESS", "REFUND" -> ProviderState.PAID;
        case "CLOSED", "REVOKED" -> ProviderState.CLOSED;
        case "PAYERROR" -> ProviderState.FAILED;
        default -> ProviderState.PENDING; // NOTPAY, USERPAYING
        };
        JsonNode total = t.path("amount").path("total");
        return new ProviderPayment(t.path("out_trade_no").asText(null), s, t.path("transaction_id").asText(null),
                total.isIntegralNumber() ? total.asLong() : null, null, time(t.path("success_time").asText(null)),
                (state + " " + t.path("trade_state_desc").asText("")).strip());
    }

    private static Instant time(String rfc3339) {
        try {
            return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
