package org.opendms.settlement.wechatpay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;

import org.opendms.settlement.api.payment.ProviderFailure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Calls API v3: each request signed with the merchant's key in the {@code WECHATPAY2-SHA256-RSA2048} Authorization
 * header; each successful answer's signature checked with the platform key before it is believed.
 */
final class WeChatPayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its HTTP status and JSON body (missing when empty). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The provider's error code ({@code USERPAYING}, {@code ORDERNOTEXIST} …) of a refused call; "" if none. */
        String code() {
            return body.path("code").asText("");
        }

        String message() {
            return "HTTP " + status + " " + code() + " " + body.path("message").asText("");
        }
    }

    private final WeChatPayAccount account;
    private final HttpClient http;
    private final Clock clock;

    WeChatPayClient(WeChatPayAccount account, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(account.timeout()).build();
    }

    Answer post(String path, JsonNode body) {
        return send("POST", path, body.toString());
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, "");
    }

    private Answer send(String method, String path, String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = WeChatPayCrypto.nonce();
        String signature;
        try {
            signature = WeChatPayCrypto.sign(account.merchantKey(),
                    WeChatPayCrypto.message(method, path, timestamp, nonce, body));
        } catch (GeneralSecurityException e) {
            throw new ProviderFailure(ProviderFailure.REFUSED, "the merchant key cannot sign: " + e.getMessage(), e);
        }
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + account.mchId() + "\",nonce_str=\"" + nonce
                + "\",signature=\"" + signature + "\",timestamp=\"" + timestamp + "\",serial_no=\""
                + account.merchantSerialNo() + "\"";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(account.baseUrl() + path))
                .timeout(account.timeout()).header("Authorization", authorization)
                .header("Accept", "application/json").header("User-Agent", "OpenDMS-WeChatPay/1.0");
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.UNREACHABLE, method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(ProviderFailure.UNREACHABLE, method + " " + path + ": interrupted", e);
        }
        if (response.statusCode() >= 500) {
            throw new ProviderFailure(ProviderFailure.UNREACHABLE, method + " " + path + ": HTTP "
                    + response.statusCode());
        }
        String text = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 == 2) {
            var h = response.headers();
            String why = account.refusal(h.firstValue("Wechatpay-Serial").orElse(null),
                    h.firstValue("Wechatpay-Timestamp").orElse(null), h.firstValue("Wechatpay-Nonce").orElse(null),
                    h.firstValue("Wechatpay-Signature").orElse(null), text, clock.instant());
            if (why != null) {
                throw new ProviderFailure(ProviderFailure.SIGNATURE, "the answer to " + method + " " + path
                        + " is not the platform's: " + why);
            }
        }
        try {
            return new Answer(response.statusCode(), text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text));
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.MALFORMED, method + " " + path + " answered no JSON", e);
        }
    }
}
