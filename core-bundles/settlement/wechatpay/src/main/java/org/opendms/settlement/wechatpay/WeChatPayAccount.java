package org.opendms.settlement.wechatpay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The merchant's account as read from the configuration and its key files; checks what the platform signed.
 *
 * @param apiV3Key the 32 bytes of the APIv3 key
 */
record WeChatPayAccount(String mchId, String appId, String merchantSerialNo, PrivateKey merchantKey,
        String platformSerial, PublicKey platformKey, byte[] apiV3Key, String baseUrl, String notifyUrl,
        Duration timeout, Duration maxAge) {

    /** Reads the keys; a path is relative to {@code etc} (karaf.etc). */
    static WeChatPayAccount read(WeChatPayConfig c, Path etc) throws IOException, GeneralSecurityException {
        byte[] v3 = Files.readString(etc.resolve(c.apiV3KeyPath())).strip().getBytes(StandardCharsets.UTF_8);
        if (v3.length != 32) {
            throw new GeneralSecurityException("the APIv3 key in " + c.apiV3KeyPath() + " is not 32 characters");
        }
        String base = c.baseUrl().endsWith("/") ? c.baseUrl().substring(0, c.baseUrl().length() - 1) : c.baseUrl();
        return new WeChatPayAccount(c.mchId(), c.appId(), c.merchantSerialNo(),
                WeChatPayCrypto.privateKey(Files.readString(etc.resolve(c.privateKeyPath()))), c.platformSerial(),
                WeChatPayCrypto.platformKey(Files.readString(etc.resolve(c.platformKeyPath()))), v3, base,
                c.notifyUrl(), Duration.ofSeconds(c.timeoutSeconds()), Duration.ofSeconds(c.maxAgeSeconds()));
    }

    /**
     * Whether the platform signed this (an answer or a notification): the serial it names is the configured one, the
     * timestamp is recent, and the RSA-SHA256 signature over timestamp, nonce and body verifies. Null when it did;
     * else why not.
     */
    String refusal(String serial, String timestamp, String nonce, String signature, String body, Instant now) {
        if (serial == null || timestamp == null || nonce == null || signature == null) {
            return "Wechatpay-Serial, -Timestamp, -Nonce or -Signature missing";
        }
        if (!serial.equals(platformSerial)) {
            return "signed with " + serial + ", the configured platform key is " + platformSerial;
        }
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "Wechatpay-Timestamp is not a number";
        }
        if (Math.abs(now.getEpochSecond() - at) > maxAge.toSeconds()) {
            return "Wechatpay-Timestamp " + timestamp + " is more than " + maxAge.toSeconds() + " s from now";
        }
        return WeChatPayCrypto.verify(platformKey, WeChatPayCrypto.message(timestamp, nonce, body), signature) ? null
                : "the signature does not verify with the platform key";
    }
}
