package org.opendms.parts.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import org.opendms.parts.api.MovementType;
import org.opendms.parts.api.SupersessionKind;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/** Query and path values of the parts resources, each refusal naming its field. */
final class Forms {

    /**
     * Runs the posting of a form that is one stock line (an issue or a return). The ledger names a line's fields as in
     * a list ({@code lines[0].binId}); such a form has no lines, so its refusal names the form's own field
     * ({@code binId}), the one the client sent.
     */
    static <T> T oneLine(Supplier<T> posting) {
        try {
            return posting.get();
        } catch (DmsException e) {
            String line = "lines[0].";
            if (e.violations().stream().noneMatch(v -> v.field().startsWith(line))) {
                throw e;
            }
            throw new DmsException(e.kind(), e.violations().stream()
                    .map(v -> v.field().startsWith(line)
                            ? new Violation(v.field().substring(line.length()), v.code(), v.messageZh(),
                                    v.messageEn())
                            : v)
                    .toList());
        }
    }

    private Forms() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String raw, String zhName) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String all = java.util.Arrays.toString(type.getEnumConstants());
            throw DmsException.invalid(field, "wrong_type", field + " 应为" + zhName + "之一 " + all,
                    field + " must be one of " + all);
        }
    }

    static MovementType movementType(String raw) {
        return enumValue(MovementType.class, "type", raw, "流水类型");
    }

    static SupersessionKind supersessionKind(String raw) {
        SupersessionKind k = enumValue(SupersessionKind.class, "kind", raw, "替代方式");
        if (k == null) {
            throw DmsException.invalid("kind", "required", "请给出替代方式（REPLACED、KIT 或 ALTERNATIVE）",
                    "kind is required (REPLACED, KIT or ALTERNATIVE)");
        }
        return k;
    }

    static WarehouseKind warehouseKind(String raw) {
        return enumValue(WarehouseKind.class, "kind", raw, "仓库类型");
    }

    /** A shop-local day as the start of that day. */
    static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    static long required(String field, Long value) {
        if (value == null) {
            throw DmsException.invalid(field, "required", field + " 不能为空", field + " is required");
        }
        if (value <= 0) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为正整数编号",
                    field + " must be a positive whole-number id");
        }
        return value;
    }

    static String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max) {
            throw DmsException.invalid(field, "too_long", field + " 最多 " + max + " 个字符",
                    field + " is at most " + max + " characters");
        }
        return raw;
    }
}
