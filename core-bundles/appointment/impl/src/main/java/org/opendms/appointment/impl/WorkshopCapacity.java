package org.opendms.appointment.impl;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slots of a working day and how many vehicles each takes: a vehicle in a slot needs a bay and a technician,
 * so a slot takes the fewer of the two.
 */
record WorkshopCapacity(LocalTime opens, LocalTime closes, int slotMinutes, int perSlot) {

    static final String PID = "org.opendms.appointment";
    private static final Logger LOG = LoggerFactory.getLogger(WorkshopCapacity.class);

    @ObjectClassDefinition(name = "预约 Appointments", description = "营业时间与接车能力 Opening hours and how many vehicles a slot takes")
    @interface Settings {
        @AttributeDefinition(name = "开始接车 Opens (HH:mm)")
        String opens() default "08:30";

        @AttributeDefinition(name = "停止接车 Closes (HH:mm)")
        String closes() default "17:30";

        @AttributeDefinition(name = "时段长度（分钟） Slot minutes", min = "15", max = "240")
        int slotMinutes() default 60;

        @AttributeDefinition(name = "工位数 Bays", min = "1", max = "500")
        int bays() default 6;

        @AttributeDefinition(name = "在岗技师数 Technicians", min = "1", max = "500")
        int technicians() default 8;
    }

    static final WorkshopCapacity DEFAULT = new WorkshopCapacity(LocalTime.of(8, 30), LocalTime.of(17, 30), 60, 6);

    /** Settings as configured; a wrong value is logged and its default used, so the service always starts. */
    static WorkshopCapacity of(Settings s) {
        LocalTime opens = time("opens", s.opens(), DEFAULT.opens());
        LocalTime closes = time("closes", s.closes(), DEFAULT.closes());
        int minutes = within("slotMinutes", s.slotMinutes(), 15, 240, DEFAULT.slotMinutes());
        int bays = within("bays", s.bays(), 1, 500, 6);
        int technicians = within("technicians", s.technicians(), 1, 500, 8);
        if (!opens.plusMinutes(minutes).isAfter(opens) || opens.plusMinutes(minutes).isAfter(closes)) {
            LOG.error("{}: opens {} and closes {} leave no slot of {} minutes; using {}-{}", PID, opens, closes,
                    minutes,
                    DEFAULT.opens(), DEFAULT.closes());
            opens = DEFAULT.opens();
            closes = DEFAULT.closes();
        }
        return new WorkshopCapacity(opens, closes, minutes, Math.min(bays, technicians));
    }

    /** The day's slot starts, in order. */
    List<LocalTime> starts() {
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime t = opens; !t.plusMinutes(slotMinutes).isAfter(closes)
                && !t.plusMinutes(slotMinutes).isBefore(t); t = t.plusMinutes(slotMinutes)) {
            starts.add(t);
        }
        return starts;
    }

    boolean isSlot(LocalTime start) {
        return start != null && starts().contains(start);
    }

    LocalTime end(LocalTime start) {
        return start.plusMinutes(slotMinutes);
    }

    private static LocalTime time(String key, String raw, LocalTime fallback) {
        try {
            return LocalTime.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            LOG.error("{} {} in {} is not a time HH:mm; using {}", key, raw, PID, fallback);
            return fallback;
        }
    }

    private static int within(String key, int value, int min, int max, int fallback) {
        if (value < min || value > max) {
            LOG.error("{} {} in {} is not between {} and {}; using {}", key, value, PID, min, max, fallback);
            return fallback;
        }
        return value;
    }
}
