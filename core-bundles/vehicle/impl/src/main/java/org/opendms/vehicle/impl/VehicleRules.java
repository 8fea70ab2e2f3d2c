package org.opendms.vehicle.impl;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.vehicle.api.EnergyType;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;

/** Checks a draft completely, so the user sees every wrong field at once, and returns it cleaned. */
final class VehicleRules {

    static final int MAKE_MAX = 50;
    static final int MODEL_MAX = 50;
    static final int ENGINE_NUMBER_MAX = 30;
    static final int COLOUR_MAX = 20;
    static final int SOURCE_MAX = 20;
    static final int YEAR_MIN = 1950;
    static final LocalDate DATE_MIN = LocalDate.of(2000, 1, 1);
    static final LocalDate DATE_MAX = LocalDate.of(2100, 12, 31);
    /** The shop's calendar decides what "next year" is, not the server's time zone. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern ENGINE_NUMBER = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]*");

    /** Whether a customer exists; the archive that knows is another bundle's. */
    @FunctionalInterface
    interface Customers {
        boolean exists(long id);
    }

    /** A draft that passed every rule. */
    record Valid(Vin vin, Plate plate, String make, String model, Integer year, String engineNumber, String colour,
            EnergyType energyType, long ownerId, Long userId, LocalDate insuranceDueDate, LocalDate inspectionDueDate,
            boolean active) {
    }

    private VehicleRules() {
    }

    static Valid check(VehicleDraft draft, Customers customers) {
        if (draft == null) {
            throw DmsException.invalid("", "required", "请提交车辆资料", "vehicle details are required");
        }
        Violations v = new Violations();
        Vin vin = null;
        try {
            vin = Vin.parse("vin", draft.vin());
        } catch (DmsException e) {
            e.violations().forEach(v::add);
        }
        Plate plate = null;
        // a new car is sold and serviced before it is registered (临牌), so the plate may be absent
        if (draft.plate() != null && !draft.plate().isBlank()) {
            try {
                plate = Plate.parse("plate", draft.plate());
            } catch (DmsException e) {
                e.violations().forEach(v::add);
            }
        }
        String make = text(v, "make", draft.make(), MAKE_MAX);
        String model = text(v, "model", draft.model(), MODEL_MAX);
        Integer year = draft.year();
        int latestYear = Year.now(SHOP_ZONE).getValue() + 1; // next year's models are on sale from mid-year
        if (year != null && (year < YEAR_MIN || year > latestYear)) {
            v.add("year", "out_of_range", "年款应在 " + YEAR_MIN + " 到 " + latestYear + " 之间",
                    "year must be between " + YEAR_MIN + " and " + latestYear);
        }
        String engineNumber = trim(draft.engineNumber());
        if (engineNumber != null) {
            engineNumber = engineNumber.toUpperCase(Locale.ROOT);
            if (engineNumber.length() > ENGINE_NUMBER_MAX || !ENGINE_NUMBER.matcher(engineNumber).matches()) {
                v.add("engineNumber", "engine_number.format",
                        "发动机号最多 " + ENGINE_NUMBER_MAX + " 位，只能是字母、数字或减号",
                        "engineNumber must be at most " + ENGINE_NUMBER_MAX + " letters, digits or '-'");
            }
        }
        String colour = text(v, "colour", draft.colour(), COLOUR_MAX);
        Long ownerId = draft.ownerId();
        if (ownerId == null) {
            v.add("ownerId", "required", "请选择车主", "ownerId is required");
        } else {
            customerExists(v, "ownerId", ownerId, "车主", "owner", customers);
        }
        Long userId = draft.userId();
        if (userId != null && userId.equals(ownerId)) {
            userId = null; // "used by the owner" has one spelling, so searches by user need no special case
        } else if (userId != null) {
            customerExists(v, "userId", userId, "使用人", "user", customers);
        }
        date(v, "insuranceDueDate", draft.insuranceDueDate());
        date(v, "inspectionDueDate", draft.inspectionDueDate());
        v.throwIfAny();
        return new Valid(vin, plate, make, model, year, engineNumber, colour, draft.energyType(), ownerId, userId,
                draft.insuranceDueDate(), draft.inspectionDueDate(), !Boolean.FALSE.equals(draft.active()));
    }

    /** The source of an odometer reading, e.g. "manual" or "reception"; absent means "manual". */
    static String source(String raw) {
        String s = trim(raw);
        if (s == null) {
            return "manual";
        }
        if (s.length() > SOURCE_MAX || !SOURCE.matcher(s).matches()) {
            throw DmsException.invalid("source", "source.format",
                    "来源最多 " + SOURCE_MAX + " 位小写字母、数字、下划线或减号，如 manual、reception",
                    "source must be at most " + SOURCE_MAX
                            + " lower-case letters, digits, '_' or '-', e.g. manual, reception");
        }
        return s;
    }

    static void km(int km) {
        if (km < VehicleService.ODOMETER_MIN_KM || km > VehicleService.ODOMETER_MAX_KM) {
            throw DmsException.invalid("km", "out_of_range", "里程应在 0 到 2,000,000 公里之间",
                    "km must be between 0 and 2,000,000");
        }
    }

    private static void customerExists(Violations v, String field, long id, String whoZh, String whoEn,
            Customers customers) {
        if (id <= 0 || !customers.exists(id)) {
            v.add(field, "customer.unknown", whoZh + "（客户 " + id + "）不存在",
                    whoEn + " (customer " + id + ") does not exist");
        }
    }

    private static void date(Violations v, String field, LocalDate date) {
        if (date != null && (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX))) {
            v.add(field, "out_of_range", field + " 应在 2000-01-01 到 2100-12-31 之间",
                    field + " must be between 2000-01-01 and 2100-12-31");
        }
    }

    /** An optional free-text field: trimmed, at most max characters, no control characters. */
    private static String text(Violations v, String field, String raw, int max) {
        String value = trim(raw);
        if (value != null && v.maxLength(field, value, max) && value.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "control_character", field + " 含有不可见的控制字符", field + " contains control characters");
        }
        return value;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
