package org.opendms.platform.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void tellsWhichUniqueConstraintRefusedTheWriteFromAnyCauseOrNextException() {
        SQLException postgres = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uq_vehicle_vin\"",
                "23505");
        RuntimeException wrapped = new RuntimeException("commit failed", postgres);
        assertTrue(Failures.isUniqueViolation(wrapped, "uq_vehicle_vin"));
        assertFalse(Failures.isUniqueViolation(wrapped, "uq_vehicle_active_plate"));

        SQLException batch = new SQLException("batch entry 0 failed", "23505");
        batch.setNextException(new SQLException("The statement was aborted because it would have caused a duplicate"
                + " key value in a unique or primary key constraint or unique index identified by 'UQ_WO_CLOCK_RUNNING'",
                "23505"));
        assertTrue(Failures.isUniqueViolation(batch, "uq_wo_clock_running"));
    }

    @Test
    void aConstraintNamedInAnotherFailureIsNoUniqueViolation() {
        assertFalse(Failures.isUniqueViolation(new SQLException("deadlock near uq_vehicle_vin", "40P01"),
                "uq_vehicle_vin"));
    }
}
