package org.opendms.workorder.api;

import java.time.Instant;

/**
 * A technician's time on a labour line (打卡).
 *
 * @param endedAt     null while the clock runs
 * @param pauseReason why the technician stopped before finishing, e.g. waiting for parts; null when done
 */
public record ClockEntry(long id, long workOrderId, long jobId, long labourLineId, String technician, Instant startedAt,
        Instant endedAt, String pauseReason) {

    public boolean running() {
        return endedAt == null;
    }
}
