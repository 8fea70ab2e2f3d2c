package org.opendms.settlement.wechatpay;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay API v3's cryptography with the JDK alone: SHA256withRSA signatures (requests by the merchant's key,
 * answers and notifications by the platform's) and AEAD_AES_256_GCM for a notification's resource.
 */
final class WeChatPayCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private WeChatPayCrypto() {
    }

    /** The signed message of v3: every part followed by a newline. */
    static String message(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(p).append('\n');
        }
        return b.toString();
    }

    static String sign(PrivateKey key, String message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static boolean verify(PublicKey key, String message, String signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // not base64, not RSA: not the platform's signature
        }
    }

    /** AEAD_AES_256_GCM: the ciphertext is base64 of the encrypted bytes followed by the 16-byte tag. */
    static String decrypt(byte[] apiV3Key, String associatedData, String nonce, String ciphertext)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key, "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null) {
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return new String(c.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
    }

    /** The merchant's private key from apiclient_key.pem (PKCS#8). */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    }

    /** The platform's public key: from a platform certificate (X.509 PEM) or a 微信支付公钥 (PEM public key). */
    static PublicKey platformKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN CERTIFICATE")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .getPublicKey();
        }
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    }

    private static byte[] der(String pem, String label) throws GeneralSecurityException {
        String begin = "-----BEGIN " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf("-----END " + label + "-----");
        if (from < 0 || to < 0) {
            throw new GeneralSecurityException("not a PEM " + label);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    static String nonce() {
        char[] n = new char[32];
        for (int i = 0; i < n.length; i++) {
            n[i] = ALPHANUM[RANDOM.nextInt(ALPHANUM.length)];
        }
        return new String(n);
    }
}
