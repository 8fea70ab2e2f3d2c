package org.opendms.platform.rest.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shop's settings a manager may change from the web app: the fixed list of keys spread over the shop's, the
 * appointment book's and the work order's configuration. {@code version} is a digest of the values, so a save made
 * on what someone else has changed meanwhile is refused instead of silently undoing their change.
 */
public record ShopSettingsForm(
        @Schema(description = "send back what GET answered; a different one means someone changed the settings meanwhile") String version,
        @Schema(description = "read-only: the shop's time zone") String timeZone,
        @Schema(description = "开始接车 HH:mm") String opens,
        @Schema(description = "停止接车 HH:mm") String closes,
        Integer slotMinutes, Integer bays, Integer technicians,
        @Schema(description = "增值税率 0–0.17, at most 4 decimals") BigDecimal vatRate,
        Integer comebackDays, Integer comebackKm, Integer maintenanceIntervalKm, Integer maintenanceIntervalMonths,
        Integer dueSoonDays) {

    static final BigDecimal MAX_VAT = new BigDecimal("0.17");

    /** The same values with the version they read as. */
    ShopSettingsForm versioned() {
        return new ShopSettingsForm(digest(), timeZone, opens, closes, slotMinutes, bays, technicians, vatRate,
                comebackDays, comebackKm, maintenanceIntervalKm, maintenanceIntervalMonths, dueSoonDays);
    }

    private String digest() {
        String values = String.join("|", timeZone, opens, closes, String.valueOf(slotMinutes), String.valueOf(bays),
                String.valueOf(technicians), vatRate == null ? "" : vatRate.stripTrailingZeros().toPlainString(),
                String.valueOf(comebackDays), String.valueOf(comebackKm), String.valueOf(maintenanceIntervalKm),
                String.valueOf(maintenanceIntervalMonths), String.valueOf(dueSoonDays));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(values.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every refused field at once, so the page can mark them all; nothing is saved while any is refused. */
    void check(String currentTimeZone) {
        List<Violation> refused = new ArrayList<>();
        if (version == null || version.isBlank()) {
            refused.add(new Violation("version", "required", "缺少版本号（请先读取设置）",
                    "version is required (read the settings first)"));
        }
        if (timeZone != null && !timeZone.equals(currentTimeZone)) {
            refused.add(new Violation("timeZone", "read_only", "时区不能在此修改（需在 etc/org.opendms.shop.cfg 中修改并重启）",
                    "the time zone cannot be changed here (set it in etc/org.opendms.shop.cfg and restart)"));
        }
        LocalTime open = time("opens", "开始接车时间", "opening time", opens, refused);
        LocalTime close = time("closes", "停止接车时间", "closing time", closes, refused);
        between("slotMinutes", "时段长度（分钟）", "slot minutes", slotMinutes, 15, 240, refused);
        between("bays", "工位数", "bays", bays, 1, 500, refused);
        between("technicians", "在岗技师数", "technicians", technicians, 1, 500, refused);
        if (open != null && close != null && slotMinutes != null && slotMinutes >= 15 && slotMinutes <= 240
                && (!close.isAfter(open) || open.plusMinutes(slotMinutes).isAfter(close))) {
            refused.add(new Violation("closes", "before_opens",
                    "停止接车时间须晚于开始接车时间，且至少容纳一个 " + slotMinutes + " 分钟的时段",
                    "closes must be after opens and leave room for one slot of " + slotMinutes + " minutes"));
        }
        if (vatRate == null) {
            refused.add(required("vatRate", "增值税率", "VAT rate"));
        } else if (vatRate.signum() < 0 || vatRate.compareTo(MAX_VAT) > 0) {
            refused.add(new Violation("vatRate", "out_of_range", "增值税率须在 0 到 0.17 之间",
                    "VAT rate must be between 0 and 0.17"));
        } else if (vatRate.stripTrailingZeros().scale() > 4) {
            refused.add(new Violation("vatRate", "too_precise", "增值税率最多 4 位小数",
                    "VAT rate has at most 4 decimals"));
        }
        between("comebackDays", "返修期（天）", "comeback days", comebackDays, 1, 3650, refused);
        between("comebackKm", "返修里程（公里）", "comeback km", comebackKm, 1, 1_000_000, refused);
        between("maintenanceIntervalKm", "保养间隔（公里）", "maintenance interval km", maintenanceIntervalKm, 1, 1_000_000,
                refused);
        between("maintenanceIntervalMonths", "保养间隔（月）", "maintenance interval months", maintenanceIntervalMonths, 1,
                120, refused);
        between("dueSoonDays", "保养提前提醒（天）", "due-soon days", dueSoonDays, 1, 365, refused);
        if (!refused.isEmpty()) {
            throw DmsException.invalid(refused);
        }
    }

    private static LocalTime time(String field, String zh, String en, String raw, List<Violation> refused) {
        if (raw == null || raw.isBlank()) {
            refused.add(required(field, zh, en));
            return null;
        }
        try {
            if (raw.strip().length() == 5) {
                return LocalTime.parse(raw.strip());
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        refused.add(
                new Violation(field, "invalid_time", zh + "须为 HH:mm 格式，如 08:30", en + " must be HH:mm, e.g. 08:30"));
        return null;
    }

    private static void between(String field, String zh, String en, Integer value, int min, int max,
            List<Violation> refused) {
        if (value == null) {
            refused.add(required(field, zh, en));
        } else if (value < min || value > max) {
            refused.add(new Violation(field, "out_of_range", zh + "须为 " + min + " 到 " + max + " 之间的整数",
                    en + " must be a whole number from " + min + " to " + max));
        }
    }

    private static Violation required(String field, String zh, String en) {
        return new Violation(field, "required", "请填写" + zh, en + " is required");
    }
}
