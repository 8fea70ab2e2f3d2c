package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.opendms.platform.api.Violations;
import org.opendms.workorder.api.WalkAroundPhotos;

/**
 * Checks a walk-around photo completely before anything is stored: the declared type, the bytes' own type (their
 * magic numbers, so a renamed document or script is not kept as a photo), the size, the caption.
 */
final class PhotoRules {

    static final String FIELD = "photo";

    /** A photo that passed every rule. */
    record Checked(String contentType, byte[] data, String sha256, String caption) {
    }

    private PhotoRules() {
    }

    static Checked check(String declared, byte[] data, String rawCaption, int maxBytes) {
        Violations v = new Violations();
        String type = normalise(declared);
        if (type == null || !WalkAroundPhotos.CONTENT_TYPES.contains(type)) {
            String shown = declared == null || declared.isBlank() ? "（未声明）" : declared.strip();
            v.add(FIELD, "photo.type", "只接受 JPEG、PNG、WebP 或 HEIC 照片，提交的类型是 " + shown,
                    "only JPEG, PNG, WebP or HEIC photos are accepted; the type sent is "
                            + (declared == null || declared.isBlank() ? "(none)" : declared.strip()));
        }
        if (data == null || data.length == 0) {
            v.add(FIELD, "photo.empty", "照片内容为空", "the photo is empty");
        } else {
            if (data.length > maxBytes) {
                v.add(FIELD, "photo.too_large", "照片不能超过 " + megabytes(maxBytes) + " MB，请压缩后再上传",
                        "a photo must be at most " + megabytes(maxBytes) + " MB; send a smaller one");
            }
            String sniffed = sniff(data);
            if (type != null && WalkAroundPhotos.CONTENT_TYPES.contains(type) && !type.equals(sniffed)) {
                v.add(FIELD, "photo.type", "声明为 " + type + "，但内容" + looksLikeZh(sniffed, data),
                        "declared as " + type + ", but the bytes " + looksLikeEn(sniffed, data));
            }
        }
        String caption = caption(v, rawCaption);
        v.throwIfAny();
        return new Checked(type, data, sha256(data), caption);
    }

    /** "image/PNG; charset=x" → "image/png"; null for nothing. */
    static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        String t = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** The accepted image type the bytes start like, or null. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')
                && (startsWith(b, 8, 'h', 'e', 'i', 'c') || startsWith(b, 8, 'h', 'e', 'i', 'x')
                        || startsWith(b, 8, 'm', 'i', 'f', '1'))) {
            return "image/heic";
        }
        return null;
    }

    /** What the bytes are, for the refusal: an accepted image type, a few common other files, or nothing known. */
    private static String other(byte[] b) {
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "GIF";
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return "BMP";
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
            return "PDF";
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4)) {
            return "ZIP/Office";
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            return "ISO media (" + new String(b, 8, Math.min(4, b.length - 8), StandardCharsets.ISO_8859_1) + ")";
        }
        if (isText(b)) {
            return "text";
        }
        return null;
    }

    private static String looksLikeZh(String sniffed, byte[] b) {
        if (sniffed != null) {
            return "是 " + sniffed;
        }
        String other = other(b);
        return other == null ? "不是可识别的图片" : "是 " + other + "，不是图片";
    }

    private static String looksLikeEn(String sniffed, byte[] b) {
        if (sniffed != null) {
            return "are " + sniffed;
        }
        String other = other(b);
        return other == null ? "are not a recognised image" : "look like " + other + ", not an image";
    }

    /** The first bytes decode as UTF-8 without control characters other than line breaks and tabs. */
    private static boolean isText(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        // a multi-byte character cut at the 512th byte is still text
        String head = new String(b, 0, n, StandardCharsets.UTF_8);
        return head.indexOf('\uFFFD') < 0 || head.indexOf('\uFFFD') >= head.length() - 1;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** 5242880 → "5", 1572864 → "1.5" (MB of 1024 × 1024 bytes, as phones and file managers count). */
    static String megabytes(int bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static String caption(Violations v, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String caption = raw.strip();
        if (v.maxLength("caption", caption, WalkAroundPhotos.CAPTION_MAX)
                && caption.chars().anyMatch(Character::isISOControl)) {
            v.add("caption", "control_character", "caption 含有不可见的控制字符或换行", "caption contains control characters");
        }
        return caption;
    }

    static String sha256(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
