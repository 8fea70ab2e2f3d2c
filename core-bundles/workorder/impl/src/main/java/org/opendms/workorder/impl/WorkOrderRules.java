package org.opendms.workorder.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.vehicle.api.Plate;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.Vin;
import org.opendms.workorder.api.ApprovalChannel;
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.LabourOperationDraft;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.QcLevel;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrderStatus;

/** Checks inputs completely, so the user sees every wrong field at once, and returns them cleaned. */
final class WorkOrderRules {

    static final int CONCERN_MAX = 500;
    static final int CONCERNS_MAX = 50;
    static final int WALK_AROUND_MAX = 2000;
    static final int USERNAME_MAX = 64;
    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 500;
    static final int PAUSE_REASON_MAX = 200;
    /** A job's cause or correction (the three Cs). */
    static final int FINDINGS_MAX = 1000;
    static final int CODE_MAX = 40;
    static final int DESCRIPTION_MAX = 200;
    static final BigDecimal QUANTITY_MAX = new BigDecimal("9999");
    static final BigDecimal PRICE_MAX = new BigDecimal("999999999.99");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Pattern USERNAME = Pattern.compile("[^\\s\\p{Cntrl}]+");

    /** The moves {@link WorkOrderStatus} documents; CANCELLED is added for every state before DELIVERED. */
    static final Map<WorkOrderStatus, Set<WorkOrderStatus>> MOVES = Map.of(
            WorkOrderStatus.AWAITING_DISPATCH, EnumSet.of(WorkOrderStatus.IN_REPAIR),
            WorkOrderStatus.IN_REPAIR, EnumSet.of(WorkOrderStatus.WAITING, WorkOrderStatus.AWAITING_QC),
            WorkOrderStatus.WAITING, EnumSet.of(WorkOrderStatus.IN_REPAIR),
            WorkOrderStatus.AWAITING_QC, EnumSet.of(WorkOrderStatus.IN_REPAIR, WorkOrderStatus.COMPLETED),
            WorkOrderStatus.COMPLETED, EnumSet.of(WorkOrderStatus.DELIVERED),
            WorkOrderStatus.DELIVERED, EnumSet.noneOf(WorkOrderStatus.class),
            WorkOrderStatus.CANCELLED, EnumSet.noneOf(WorkOrderStatus.class));

    /** A reception that passed every rule; {@code vehicle} is null when the plate is new. */
    record Reception(Plate plate, Vehicle vehicle, Vin vin, Long ownerId, int mileageKm, boolean confirmLower,
            Integer fuelPercent, String walkAround, List<Job> concerns, String advisor, Instant promisedAt,
            Set<VisitType> visitTypes, Approval approval) {
    }

    record Job(String concern, PayType payType) {
    }

    record Line(LineType type, String code, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discount, BigDecimal net, Long stockItemId) {
    }

    record Approval(String approvedBy, ApprovalChannel channel) {
    }

    private WorkOrderRules() {
    }

    static boolean allowed(WorkOrderStatus from, WorkOrderStatus to) {
        if (to == WorkOrderStatus.CANCELLED) {
            return !from.isFinal();
        }
        return MOVES.get(from).contains(to);
    }

    static DmsException illegalTransition(WorkOrderStatus from, WorkOrderStatus to) {
        return DmsException.conflict("status", "illegal_transition",
                "工单状态不能从“" + from.zh() + "”改为“" + to.zh() + "”",
                "a work order cannot go from " + from + " to " + to);
    }

    /**
     * @param byPlate finds the active vehicle with a normalised plate
     * @param now     the shop's now, to refuse a promised time in the past
     */
    static Reception reception(ReceptionDraft d, String actorName, Instant now,
            Function<String, Optional<Vehicle>> byPlate) {
        if (d == null) {
            throw DmsException.invalid("", "required", "请提交接车信息", "reception details are required");
        }
        Violations v = new Violations();
        Plate plate = null;
        if (d.plate() == null || d.plate().isBlank()) {
            v.add("plate", "required", "请输入车牌", "plate is required");
        } else {
            try {
                plate = Plate.parse("plate", d.plate());
            } catch (DmsException e) {
                e.violations().forEach(v::add);
            }
        }
        Vehicle vehicle = plate == null ? null : byPlate.apply(plate.value()).orElse(null);
        Vin vin = null;
        if (d.vin() != null && !d.vin().isBlank()) {
            try {
                vin = Vin.parse("vin", d.vin());
            } catch (DmsException e) {
                e.violations().forEach(v::add);
            }
        }
        if (vehicle != null && vin != null && !vin.value().equals(vehicle.vin())) {
            v.add("vin", "vin.mismatch", "车架号与车牌 " + vehicle.plate() + " 登记的车辆（" + vehicle.vin() + "）不符",
                    "the VIN differs from that of the vehicle registered with plate " + vehicle.plate() + " ("
                            + vehicle.vin() + ")");
        }
        if (plate != null && vehicle == null) {
            // a new vehicle: the vehicle archive needs its VIN and owner
            if (d.vin() == null || d.vin().isBlank()) {
                v.add("vin", "required", "车牌 " + plate.value() + " 未登记，请输入车架号以登记车辆",
                        "plate " + plate.value() + " is not registered: give the VIN to register the vehicle");
            }
            if (d.ownerId() == null) {
                v.add("ownerId", "required", "车牌 " + plate.value() + " 未登记，请选择车主以登记车辆",
                        "plate " + plate.value() + " is not registered: choose the owner to register the vehicle");
            }
        }
        int km = 0;
        if (d.mileageKm() == null) {
            v.add("mileageKm", "required", "请输入进厂里程", "mileageKm is required");
        } else if (d.mileageKm() < VehicleService.ODOMETER_MIN_KM || d.mileageKm() > VehicleService.ODOMETER_MAX_KM) {
            v.add("mileageKm", "out_of_range", "进厂里程应在 0 到 2,000,000 公里之间",
                    "mileageKm must be between 0 and 2,000,000");
        } else {
            km = d.mileageKm();
        }
        if (d.fuelPercent() != null && (d.fuelPercent() < 0 || d.fuelPercent() > 100)) {
            v.add("fuelPercent", "out_of_range", "油量应在 0 到 100% 之间", "fuelPercent must be between 0 and 100");
        }
        String walkAround = text(v, "walkAround", d.walkAround(), WALK_AROUND_MAX, true);
        List<Job> concerns = new ArrayList<>();
        List<JobDraft> raw = d.concerns() == null ? List.of() : d.concerns();
        if (raw.size() > CONCERNS_MAX) {
            v.add("concerns", "too_many", "一张工单最多 " + CONCERNS_MAX + " 个项目", "at most " + CONCERNS_MAX + " concerns");
        } else {
            for (int i = 0; i < raw.size(); i++) {
                Job job = job(v, "concerns[" + i + "]", raw.get(i));
                if (job != null) {
                    concerns.add(job);
                }
            }
        }
        String advisor = d.advisor() == null || d.advisor().isBlank() ? actorName : username(v, "advisor", d.advisor());
        Instant promisedAt = d.promisedAt() == null ? null : d.promisedAt().truncatedTo(ChronoUnit.MICROS);
        if (promisedAt != null && promisedAt.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            v.add("promisedAt", "in_past", "约定交车时间不能早于现在", "promisedAt must not be in the past");
        }
        Set<VisitType> types = d.visitTypes() == null ? Set.of() : d.visitTypes();
        if (types.isEmpty() || types.stream().anyMatch(java.util.Objects::isNull)) {
            v.add("visitTypes", "required", "请选择至少一个进厂类型", "choose at least one visit type");
        }
        Approval approval = d.approval() == null ? null : approval(v, "approval.", d.approval());
        v.throwIfAny();
        return new Reception(plate, vehicle, vin, d.ownerId(), km, Boolean.TRUE.equals(d.confirmLowerMileage()),
                d.fuelPercent(), walkAround, concerns, advisor, promisedAt, EnumSet.copyOf(types), approval);
    }

    static Job job(JobDraft draft) {
        Violations v = new Violations();
        Job job = job(v, "", draft);
        v.throwIfAny();
        return job;
    }

    private static Job job(Violations v, String prefix, JobDraft draft) {
        String field = prefix.isEmpty() ? "concern" : prefix + ".concern";
        if (draft == null) {
            v.add(field, "required", "请输入维修项目", "the concern is required");
            return null;
        }
        String concern = text(v, field, draft.concern(), CONCERN_MAX, false);
        if (concern == null) {
            v.add(field, "required", "请输入维修项目", "the concern is required");
        }
        return new Job(concern, draft.payType() == null ? PayType.CUSTOMER : draft.payType());
    }

    static Approval approval(ApprovalDraft draft) {
        if (draft == null) {
            throw DmsException.invalid("", "required", "请提交客户确认信息", "approval details are required");
        }
        Violations v = new Violations();
        Approval a = approval(v, "", draft);
        v.throwIfAny();
        return a;
    }

    private static Approval approval(Violations v, String prefix, ApprovalDraft draft) {
        String by = text(v, prefix + "approvedBy", draft.approvedBy(), NAME_MAX, false);
        if (by == null) {
            v.add(prefix + "approvedBy", "required", "请输入确认的客户姓名", "approvedBy is required");
        }
        if (draft.channel() == null) {
            v.add(prefix + "channel", "required", "请选择客户确认方式", "channel is required");
        }
        return new Approval(by, draft.channel());
    }

    /** A line with its net: quantity × unit price − discount, rounded HALF_UP to the fen. */
    static Line line(LineDraft d) {
        if (d == null) {
            throw DmsException.invalid("", "required", "请提交明细", "line details are required");
        }
        Violations v = new Violations();
        if (d.type() == null) {
            v.add("type", "required", "请选择明细类型", "type is required");
        }
        String code = text(v, "code", d.code(), CODE_MAX, false);
        if (code != null && !CODE.matcher(code).matches()) {
            v.add("code", "code.format", "代码只能是字母、数字或 . _ / -", "code may hold letters, digits and . _ / - only");
        }
        if (code == null && (d.type() == LineType.LABOUR || d.type() == LineType.PART)) {
            v.add("code", "required", d.type() == LineType.LABOUR ? "请输入工时代码" : "请输入配件编号",
                    d.type() == LineType.LABOUR ? "the operation code is required" : "the part number is required");
        }
        String description = text(v, "description", d.description(), DESCRIPTION_MAX, false);
        if (description == null) {
            v.add("description", "required", "请输入名称或说明", "description is required");
        }
        BigDecimal quantity = amount(v, "quantity", d.quantity(), true, QUANTITY_MAX, "数量", "quantity");
        if (quantity != null && quantity.signum() == 0) {
            v.add("quantity", "out_of_range", "数量必须大于 0", "quantity must be more than 0");
            quantity = null;
        }
        BigDecimal unitPrice = amount(v, "unitPrice", d.unitPrice(), true, PRICE_MAX, "单价", "unitPrice");
        BigDecimal discount = d.discount() == null ? BigDecimal.ZERO
                : amount(v, "discount", d.discount(), false, PRICE_MAX, "折扣", "discount");
        BigDecimal net = null;
        if (quantity != null && unitPrice != null && discount != null) {
            BigDecimal gross = quantity.multiply(unitPrice);
            if (discount.compareTo(gross) > 0) {
                v.add("discount", "discount.too_high", "折扣不能超过数量×单价（" + gross.setScale(2, RoundingMode.HALF_UP) + " 元）",
                        "discount must not exceed quantity × unit price (" + gross.setScale(2, RoundingMode.HALF_UP)
                                + " yuan)");
            } else {
                net = gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
            }
        }
        if (d.stockItemId() != null && d.type() != LineType.PART) {
            v.add("stockItemId", "part_only", "只有配件明细可以关联库存", "only part lines refer to a stock item");
        }
        if (d.stockItemId() != null && d.stockItemId() <= 0) {
            v.add("stockItemId", "out_of_range", "库存编号无效", "stockItemId must be positive");
        }
        v.throwIfAny();
        return new Line(d.type(), code, description, quantity.setScale(2), unitPrice.setScale(2), discount.setScale(2),
                net, d.stockItemId());
    }

    static final BigDecimal FLAT_RATE_MAX = new BigDecimal("99.99");
    static final int DECLINE_REASON_MAX = 200;

    /** A labour operation that passed every rule; the code upper case. */
    static LabourOperationDraft labourOperation(LabourOperationDraft d) {
        if (d == null) {
            throw DmsException.invalid("", "required", "请提交工时项目", "labour operation details are required");
        }
        Violations v = new Violations();
        String code = text(v, "code", d.code(), CODE_MAX, false);
        if (code == null) {
            v.add("code", "required", "请输入工时代码", "the operation code is required");
        } else if (code != null && !CODE.matcher(code).matches()) {
            v.add("code", "code.format", "代码只能是字母、数字或 . _ / -", "code may hold letters, digits and . _ / - only");
        }
        String name = text(v, "name", d.name(), DESCRIPTION_MAX, false);
        if (name == null) {
            v.add("name", "required", "请输入工时项目名称", "name is required");
        }
        BigDecimal hours = amount(v, "flatRateHours", d.flatRateHours(), true, FLAT_RATE_MAX, "标准工时", "flatRateHours");
        if (hours != null && hours.signum() == 0) {
            v.add("flatRateHours", "out_of_range", "标准工时必须大于 0", "flatRateHours must be more than 0");
        }
        v.throwIfAny();
        return new LabourOperationDraft(code.toUpperCase(java.util.Locale.ROOT), name, hours.setScale(2), d.skill(),
                d.active() == null || d.active());
    }

    /** The catalogue code a labour line names, as stored (upper case); null when it is absent or malformed. */
    static String catalogueCode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
        return code.length() <= CODE_MAX && CODE.matcher(code).matches() ? code : null;
    }

    static DmsException unknownOperation(String code) {
        return DmsException.invalid("code", "labour.unknown_operation",
                "工时代码 " + code + " 不在工时目录中或已停用，请先在工时目录中添加",
                "operation code " + code + " is not an active operation of the labour catalogue; add it there first");
    }

    private static BigDecimal amount(Violations v, String field, BigDecimal value, boolean required, BigDecimal max,
            String zh, String en) {
        if (value == null) {
            if (required) {
                v.add(field, "required", "请输入" + zh, en + " is required");
            }
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        if (s.scale() > 2) {
            v.add(field, "scale", zh + "最多两位小数", en + " may have at most 2 decimals");
            return null;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            v.add(field, "out_of_range", zh + "应在 0 到 " + max.toPlainString() + " 之间",
                    en + " must be between 0 and " + max.toPlainString());
            return null;
        }
        return value;
    }

    static String note(String field, String raw, int max) {
        Violations v = new Violations();
        String note = text(v, field, raw, max, true);
        v.throwIfAny();
        return note;
    }

    static String technician(String raw) {
        Violations v = new Violations();
        String name = raw == null || raw.isBlank() ? null : username(v, "technician", raw);
        if (name == null) {
            v.add("technician", "required", "请选择技师", "technician is required");
        }
        v.throwIfAny();
        return name;
    }

    private static String username(Violations v, String field, String raw) {
        String s = raw.strip();
        if (!v.maxLength(field, s, USERNAME_MAX)) {
            return null;
        }
        if (!USERNAME.matcher(s).matches()) {
            v.add(field, "username.format", field + " 不能含空格或控制字符",
                    field + " must not contain spaces or control characters");
            return null;
        }
        return s;
    }

    /**
     * An optional free-text field: trimmed, at most max characters, no control characters (line breaks if multiline).
     */
    static String text(Violations v, String field, String raw, int max, boolean multiline) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (v.maxLength(field, value, max) && value.chars().anyMatch(
                c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            v.add(field, "control_character", field + " 含有不可见的控制字符", field + " contains control characters");
        }
        return value;
    }

    /** The VAT rate of the configuration, or null when it is not a rate from 0 to 0.99 with at most 4 decimals. */
    static BigDecimal vatRate(String raw) {
        try {
            BigDecimal rate = new BigDecimal(raw.strip());
            if (rate.signum() < 0 || rate.compareTo(new BigDecimal("0.99")) > 0
                    || rate.stripTrailingZeros().scale() > 4) {
                return null;
            }
            return rate.setScale(4);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static final int DISPATCH_MAX = 10;
    static final int BAY_MAX = 20;

    record Dispatch(List<String> technicians, String bay) {
    }

    /** Every problem with a dispatch at once: the technicians (one to ten, no repeats) and the optional bay. */
    static Dispatch dispatch(List<String> technicians, String rawBay) {
        Violations v = new Violations();
        List<String> names = new ArrayList<>();
        if (technicians == null || technicians.isEmpty()) {
            v.add("technicians", "required", "请至少选择一名技师", "choose at least one technician");
        } else if (technicians.size() > DISPATCH_MAX) {
            v.add("technicians", "too_many", "一个项目最多派给 " + DISPATCH_MAX + " 名技师",
                    "a job is dispatched to at most " + DISPATCH_MAX + " technicians");
        } else {
            for (int i = 0; i < technicians.size(); i++) {
                String field = "technicians[" + i + "]";
                String raw = technicians.get(i);
                if (raw == null || raw.isBlank()) {
                    v.add(field, "required", field + " 不能为空", field + " is required");
                    continue;
                }
                String name = username(v, field, raw);
                if (name != null && names.contains(name)) {
                    v.add(field, "duplicate", "技师 " + name + " 重复", "technician " + name + " is named twice");
                } else if (name != null) {
                    names.add(name);
                }
            }
        }
        String bay = text(v, "bay", rawBay, BAY_MAX, false);
        v.throwIfAny();
        return new Dispatch(List.copyOf(names), bay);
    }

    /** A skill-table entry: a technician's username, a skill and a level 0 (remove) to 5. */
    static String skill(String technician, String skill, int level) {
        Violations v = new Violations();
        String name = technician == null || technician.isBlank() ? null : username(v, "technician", technician);
        if (technician == null || technician.isBlank()) {
            v.add("technician", "required", "请选择技师", "technician is required");
        }
        if (skill == null || skill.isBlank()) {
            v.add("skill", "required", "请选择工种（工种目录中的代码，如 MECHANICAL）",
                    "skill is required (a code of the skill catalogue, e.g. MECHANICAL)");
        }
        if (level < 0 || level > 5) {
            v.add("level", "out_of_range", "技能等级必须在 1 到 5 之间（0 表示取消）", "level must be 1 to 5 (0 removes the skill)");
        }
        v.throwIfAny();
        return name;
    }

    /**
     * The labour rate table from its configuration text "CUSTOMER=120,WARRANTY=100"; null when any entry is not a pay
     * type with a yuan amount of 0 or more and at most 2 decimals.
     */
    static Map<PayType, BigDecimal> labourRates(String raw) {
        Map<PayType, BigDecimal> rates = new java.util.EnumMap<>(PayType.class);
        if (raw == null || raw.isBlank()) {
            return rates;
        }
        for (String entry : raw.split(",")) {
            String[] kv = entry.split("=", -1);
            if (kv.length != 2) {
                return null;
            }
            try {
                PayType type = PayType.valueOf(kv[0].strip());
                BigDecimal rate = new BigDecimal(kv[1].strip());
                if (rate.signum() < 0 || rate.stripTrailingZeros().scale() > 2 || rate.compareTo(PRICE_MAX) > 0
                        || rates.put(type, rate.setScale(2)) != null) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return rates;
    }

    /**
     * The QC levels required before COMPLETED from "SELF,FOREMAN,FINAL"; null unless known levels, FINAL among them.
     */
    static List<QcLevel> qcLevels(String raw) {
        if (raw == null) {
            return null;
        }
        EnumSet<QcLevel> levels = EnumSet.noneOf(QcLevel.class);
        try {
            for (String s : raw.split(",")) {
                levels.add(QcLevel.valueOf(s.strip()));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return levels.contains(QcLevel.FINAL) ? List.copyOf(levels) : null;
    }
}
