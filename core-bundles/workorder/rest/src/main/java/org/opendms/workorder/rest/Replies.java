package org.opendms.workorder.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.opendms.platform.api.DmsException;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;

/** What the work-order resources share: a work order answered with its version as ETag, and parameters read. */
final class Replies {

    private Replies() {
    }

    static Response tagged(WorkOrder w) {
        return Response.ok(w).tag(Long.toString(w.version())).build();
    }

    static long required(String field, Long value) {
        if (value == null) {
            throw DmsException.invalid(field, "required", field + " 不能为空", field + " is required");
        }
        return value;
    }

    static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }

    /**
     * Statuses given as repeated parameters, each one or a comma list: status=IN_REPAIR&status=WAITING or
     * IN_REPAIR,WAITING.
     */
    static Set<WorkOrderStatus> statuses(List<String> raw) {
        Set<WorkOrderStatus> statuses = EnumSet.noneOf(WorkOrderStatus.class);
        if (raw != null) {
            raw.stream().filter(r -> r != null).flatMap(r -> Arrays.stream(r.split(","))).map(Replies::status)
                    .filter(s -> s != null).forEach(statuses::add);
        }
        return statuses;
    }

    static WorkOrderStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid("status", "wrong_type",
                    "status“" + raw.strip() + "”不是工单状态（" + Arrays.toString(WorkOrderStatus.values()) + "）",
                    "status '" + raw.strip() + "' is not a work-order status "
                            + Arrays.toString(WorkOrderStatus.values()));
        }
    }
}
