package org.opendms.settlement.wechatpay;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.opendms.settlement.api.payment.Notification;
import org.opendms.settlement.api.payment.PaymentProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local WeChat Pay API v3 peer: an HTTP server that checks the merchant's WECHATPAY2-SHA256-RSA2048 signature on
 * every request (401 SIGN_ERROR otherwise), keeps orders, signs its answers with the platform key, and writes payment
 * notifications as the platform sends them (signed, resource sealed with AEAD_AES_256_GCM under the APIv3 key).
 * Not a mock of our interfaces: the driver talks to it over HTTP exactly as to api.mch.weixin.qq.com.
 */
public final class WeChatPayPeer implements AutoCloseable {

    public static final String MCH_ID = "1900009191";
    public static final String APP_ID = "wxd678efh567hg6787";
    public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    public static final String PLATFORM_SERIAL = "PUB_KEY_ID_0119000091912025120200000000";
    /** A payment code that makes the customer confirm on the phone first (USERPAYING). */
    public static final String CODE_USERPAYING = "134567890123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTH = Pattern
            .compile("WECHATPAY2-SHA256-RSA2048 mchid=\"([^\"]*)\",nonce_str=\"([^\"]*)\","
                    + "signature=\"([^\"]*)\",timestamp=\"([^\"]*)\",serial_no=\"([^\"]*)\"");

    private final KeyPair merchant;
    private final KeyPair platform;
    private final String apiV3Key;
    private final HttpServer server;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger txns = new AtomicInteger();

    /** What the peer knows of an order: out_trade_no → its fields (a transaction object of v3). */
    public final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    /** Every request refused for its signature: method and path. */
    public final List<String> refusedRequests = new CopyOnWriteArrayList<>();
    /** Every refund asked: its body. */
    public final List<JsonNode> refunds = new CopyOnWriteArrayList<>();
    /** The payments closed (关单), by our number. */
    public final List<String> closed = new CopyOnWriteArrayList<>();

    public WeChatPayPeer(Clock clock) throws IOException, GeneralSecurityException {
        this.clock = clock;
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        merchant = g.generateKeyPair();
        platform = g.generateKeyPair();
        apiV3Key = WeChatPayCrypto.nonce(); // 32 characters, as the merchant sets it in the console
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The driver configured for this peer's merchant: keys, serials and URL as the etc/ file would give them. */
    public PaymentProvider driver() {
        return new WeChatPayProvider(account(apiV3Key), clock);
    }

    /** A driver with another APIv3 key (a notification sealed for someone else). */
    public PaymentProvider driverWithApiV3Key(String key) {
        return new WeChatPayProvider(account(key), clock);
    }

    /** A driver that trusts another platform key (answers from this peer are then not the platform's). */
    PaymentProvider driverTrusting(KeyPair otherPlatform) {
        return new WeChatPayProvider(new WeChatPayAccount(MCH_ID, APP_ID, MERCHANT_SERIAL, merchant.getPrivate(),
                PLATFORM_SERIAL, otherPlatform.getPublic(), apiV3Key.getBytes(StandardCharsets.UTF_8), baseUrl(), "-",
                Duration.ofSeconds(5), Duration.ofSeconds(300)), clock);
    }

    /** A driver signing with another merchant key (the peer refuses its requests). */
    PaymentProvider driverSigningWith(KeyPair otherMerchant) {
        return new WeChatPayProvider(new WeChatPayAccount(MCH_ID, APP_ID, MERCHANT_SERIAL, otherMerchant.getPrivate(),
                PLATFORM_SERIAL, platform.getPublic(), apiV3Key.getBytes(StandardCharsets.UTF_8), baseUrl(), "-",
                Duration.ofSeconds(5), Duration.ofSeconds(300)), clock);
    }

    /** The driver of this merchant whose clock is later by {@code skew}. */
    PaymentProvider driverLater(Duration skew) {
        return new WeChatPayProvider(account(apiV3Key), Clock.offset(clock, skew));
    }

    private WeChatPayAccount account(String v3) {
        return new WeChatPayAccount(MCH_ID, APP_ID, MERCHANT_SERIAL, merchant.getPrivate(), PLATFORM_SERIAL,
                platform.getPublic(), v3.getBytes(StandardCharsets.UTF_8), baseUrl(),
                "https://shop.example/api/settlements/online-payments/notify/WECHATPAY", Duration.ofSeconds(5),
                Duration.ofSeconds(300));
    }

    /**
     * Writes the merchant's files as the shop keeps them under etc/ (apiclient_key.pem, the platform's pub_key.pem,
     * apiv3.key), for a distribution configured against this peer.
     */
    public void writeMerchantFiles(java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("apiclient_key.pem"), pem("PRIVATE KEY",
                merchant.getPrivate().getEncoded()));
        java.nio.file.Files.writeString(dir.resolve("pub_key.pem"),
                pem("PUBLIC KEY", platform.getPublic().getEncoded()));
        java.nio.file.Files.writeString(dir.resolve("apiv3.key"), apiV3Key);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The customer scans the code and pays: the order is SUCCESS with a transaction id. */
    public synchronized ObjectNode customerPays(String outTradeNo) {
        ObjectNode o = orders.get(outTradeNo);
        if (!"SUCCESS".equals(o.path("trade_state").asText())) {
            o.put("trade_state", "SUCCESS").put("trade_state_desc", "支付成功")
                    .put("transaction_id", "42000" + (20261202000000L + txns.incrementAndGet()))
                    .put("success_time", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8))
                            .withNano(0).toString());
            o.with("amount").put("payer_total", o.path("amount").path("total").asLong());
        }
        return o;
    }

    /** The TRANSACTION.SUCCESS notification of a paid order, as the platform POSTs it. */
    public Notification notification(String outTradeNo) {
        return notificationOf(orders.get(outTradeNo), "EV-" + outTradeNo);
    }

    /** A notification of any transaction content (another amount, another merchant), signed by the platform. */
    public Notification notificationOf(JsonNode transaction, String id) {
        try {
            String nonce = WeChatPayCrypto.nonce().substring(0, 12);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            c.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
            String sealed = Base64.getEncoder().encodeToString(c.doFinal(transaction.toString()
                    .getBytes(StandardCharsets.UTF_8)));
            ObjectNode body = JSON.createObjectNode();
            body.put("id", id).put("create_time", OffsetDateTime.now(clock).toString())
                    .put("resource_type", "encrypt-resource").put("event_type", "TRANSACTION.SUCCESS")
                    .put("summary", "支付成功");
            body.putObject("resource").put("original_type", "transaction").put("algorithm", "AEAD_AES_256_GCM")
                    .put("ciphertext", sealed).put("associated_data", "transaction").put("nonce", nonce);
            String text = body.toString();
            return new Notification(signedHeaders(text), text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> signedHeaders(String body) throws GeneralSecurityException {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = WeChatPayCrypto.nonce();
        return Map.of("Wechatpay-Timestamp", ts, "Wechatpay-Nonce", nonce, "Wechatpay-Serial", PLATFORM_SERIAL,
                "Wechatpay-Signature", WeChatPayCrypto.sign(platform.getPrivate(),
                        WeChatPayCrypto.message(ts, nonce, body)),
                "Content-Type", "application/json");
    }

    private void handle(HttpExchange x) throws IOException {
        String body;
        try (InputStream in = x.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = x.getRequestURI().getRawPath();
        String pathAndQuery = x.getRequestURI().getRawQuery() == null ? path
                : path + "?" + x.getRequestURI().getRawQuery();
        if (!signedByMerchant(x.getRequestMethod(), pathAndQuery, body,
                x.getRequestHeaders().getFirst("Authorization"))) {
            refusedRequests.add(x.getRequestMethod() + " " + pathAndQuery);
            answer(x, 401, error("SIGN_ERROR", "签名错误"));
            return;
        }
        try {
            if ("POST".equals(x.getRequestMethod()) && path.equals("/v3/pay/transactions/native")) {
                ObjectNode o = newOrder(JSON.readTree(body), "NATIVE");
                answer(x, 200, JSON.createObjectNode().put("code_url", "weixin://wxpay/bizpayurl?pr="
                        + o.path("out_trade_no").asText().substring(10)));
            } else if ("POST".equals(x.getRequestMethod()) && path.equals("/v3/pay/transactions/codepay")) {
                JsonNode req = JSON.readTree(body);
                ObjectNode o = newOrder(req, "MICROPAY");
                if (CODE_USERPAYING.equals(req.path("payer").path("auth_code").asText())) {
                    o.put("trade_state", "USERPAYING");
                    answer(x, 403, error("USERPAYING", "用户支付中，需要输入密码"));
                } else {
                    answer(x, 200, customerPays(o.path("out_trade_no").asText()));
                }
            } else if ("POST".equals(x.getRequestMethod()) && path.startsWith("/v3/pay/transactions/out-trade-no/")
                    && path.endsWith("/close")) {
                ObjectNode o = orders.get(path.substring("/v3/pay/transactions/out-trade-no/".length(),
                        path.length() - "/close".length()));
                if (o == null) {
                    answer(x, 404, error("ORDERNOTEXIST", "订单不存在"));
                } else if ("SUCCESS".equals(o.path("trade_state").asText())) {
                    answer(x, 400, error("ORDERPAID", "订单已支付"));
                } else {
                    o.put("trade_state", "CLOSED").put("trade_state_desc", "订单已关闭");
                    closed.add(o.path("out_trade_no").asText());
                    answerEmpty(x, 204);
                }
            } else if ("GET".equals(x.getRequestMethod()) && path.startsWith("/v3/pay/transactions/out-trade-no/")) {
                ObjectNode o = orders.get(path.substring("/v3/pay/transactions/out-trade-no/".length()));
                if (o == null) {
                    answer(x, 404, error("ORDERNOTEXIST", "订单不存在"));
                } else {
                    answer(x, 200, o);
                }
            } else if ("POST".equals(x.getRequestMethod()) && path.equals("/v3/refund/domestic/refunds")) {
                JsonNode req = JSON.readTree(body);
                ObjectNode o = orders.get(req.path("out_trade_no").asText());
                if (o == null || !"SUCCESS".equals(o.path("trade_state").asText())) {
                    answer(x, 400, error("INVALID_REQUEST", "订单未支付"));
                    return;
                }
                refunds.add(req);
                answer(x, 200, JSON.createObjectNode().put("refund_id", "50300" + System.nanoTime())
                        .put("out_refund_no", req.path("out_refund_no").asText()).put("status", "PROCESSING"));
            } else {
                answer(x, 404, error("NOT_FOUND", "no such API"));
            }
        } catch (RuntimeException e) {
            answer(x, 500, error("SYSTEM_ERROR", e.toString()));
        }
    }

    private ObjectNode newOrder(JsonNode req, String tradeType) {
        ObjectNode o = JSON.createObjectNode();
        o.put("appid", req.path("appid").asText()).put("mchid", req.path("mchid").asText())
                .put("out_trade_no", req.path("out_trade_no").asText()).put("trade_type", tradeType)
                .put("trade_state", "NOTPAY").put("trade_state_desc", "未支付");
        o.putObject("amount").put("total", req.path("amount").path("total").asLong()).put("currency", "CNY");
        orders.put(req.path("out_trade_no").asText(), o);
        return o;
    }

    private boolean signedByMerchant(String method, String pathAndQuery, String body, String authorization) {
        if (authorization == null) {
            return false;
        }
        Matcher m = AUTH.matcher(authorization);
        return m.matches() && MCH_ID.equals(m.group(1)) && MERCHANT_SERIAL.equals(m.group(5))
                && WeChatPayCrypto.verify(merchant.getPublic(),
                        WeChatPayCrypto.message(method, pathAndQuery, m.group(4), m.group(2), body), m.group(3));
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message);
    }

    /** An answer without a body (204), signed over the empty body as the platform signs it. */
    private void answerEmpty(HttpExchange x, int status) throws IOException {
        try {
            signedHeaders("").forEach((k, v) -> x.getResponseHeaders().add(k, v));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    private void answer(HttpExchange x, int status, JsonNode json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        try {
            signedHeaders(json.toString()).forEach((k, v) -> x.getResponseHeaders().add(k, v));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        x.getResponseHeaders().add("Request-ID", "08" + random.nextInt(1_000_000));
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
