package org.opendms.appointment.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.opendms.appointment.api.AppointmentChannel;
import org.opendms.appointment.api.AppointmentDraft;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.vehicle.api.Plate;

/** Checks a booking; every problem is collected, so the advisor fixes all fields at once. */
final class AppointmentRules {

    static final int ADVISOR_MAX = 64;
    static final int CONCERN_MAX = 200;
    static final int CONCERNS_MAX = 20;
    static final int REASON_MAX = 200;
    /** How far ahead a booking may be: a typo in the year should not book 2062. */
    static final int DAYS_AHEAD_MAX = 180;

    record Valid(String plate, Long customerId, AppointmentChannel channel, LocalDate date, LocalTime start,
            String advisor, List<String> concerns) {
    }

    private AppointmentRules() {
    }

    static Valid check(AppointmentDraft d, LocalDateTime shopNow, WorkshopCapacity capacity,
            LongPredicate customerExists) {
        Violations v = new Violations();
        if (d == null) {
            throw DmsException.invalid("", "required", "缺少预约内容", "the appointment is missing");
        }
        String plate = null;
        try {
            plate = Plate.parse("plate", d.plate()).value();
        } catch (DmsException e) {
            e.violations().forEach(v::add);
        }
        if (d.customerId() != null && (d.customerId() <= 0 || !customerExists.test(d.customerId()))) {
            v.add("customerId", "not_found", "客户 " + d.customerId() + " 不存在",
                    "customer " + d.customerId() + " does not exist");
        }
        if (d.channel() == null) {
            v.add("channel", "required", "请选择预约渠道（电话、微信、到店、网上）", "channel is required (PHONE, WECHAT, WALK_IN, WEB)");
        }
        LocalDate today = shopNow.toLocalDate();
        if (d.date() == null) {
            v.add("date", "required", "请选择预约日期", "date is required");
        } else if (d.date().isBefore(today)) {
            v.add("date", "past", "预约日期 " + d.date() + " 已过", "the date " + d.date() + " has passed");
        } else if (d.date().isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            v.add("date", "too_far", "最多只能预约 " + DAYS_AHEAD_MAX + " 天以内",
                    "appointments go at most " + DAYS_AHEAD_MAX + " days ahead");
        }
        if (d.start() == null) {
            v.add("start", "required", "请选择预约时段", "start (the slot) is required");
        } else if (!capacity.isSlot(d.start())) {
            v.add("start", "not_a_slot",
                    "没有 " + d.start() + " 开始的时段（" + capacity.opens() + " 至 " + capacity.closes() + "，每段 "
                            + capacity.slotMinutes() + " 分钟）",
                    "there is no slot starting at " + d.start() + " (" + capacity.opens()
                            + " to " + capacity.closes() + ", " + capacity.slotMinutes() + " minutes each)");
        } else if (today.equals(d.date()) && !d.start().isAfter(shopNow.toLocalTime())) {
            v.add("start", "past", d.start() + " 的时段已开始，请选以后的时段", "the " + d.start() + " slot has already begun");
        }
        String advisor = d.advisor() == null ? "" : d.advisor().strip();
        if (v.required("advisor", advisor)) {
            v.maxLength("advisor", advisor, ADVISOR_MAX);
        }
        List<String> concerns = new ArrayList<>();
        for (String c : d.concerns() == null ? List.<String>of() : d.concerns()) {
            String line = c == null ? "" : c.strip();
            if (!line.isEmpty()) {
                concerns.add(line);
            }
        }
        if (concerns.isEmpty()) {
            v.add("concerns", "required", "请至少填写一项客户需求", "at least one concern is required");
        } else if (concerns.size() > CONCERNS_MAX) {
            v.add("concerns", "too_many", "客户需求最多 " + CONCERNS_MAX + " 项", "at most " + CONCERNS_MAX + " concerns");
        }
        for (int i = 0; i < concerns.size() && i < CONCERNS_MAX; i++) {
            if (concerns.get(i).length() > CONCERN_MAX || concerns.get(i).contains("\n")) {
                v.add("concerns[" + i + "]", "too_long", "每项需求一行，最多 " + CONCERN_MAX + " 个字",
                        "each concern is one line of at most " + CONCERN_MAX + " characters");
            }
        }
        v.throwIfAny();
        return new Valid(plate, d.customerId(), d.channel(), d.date(), d.start(), advisor, List.copyOf(concerns));
    }

    static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        Violations v = new Violations();
        if (v.required("reason", reason)) {
            v.maxLength("reason", reason, REASON_MAX);
        }
        v.throwIfAny();
        return reason;
    }
}
