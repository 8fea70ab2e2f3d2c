package org.opendms.itests;

import org.opendms.vehicle.api.Vin;

/** Identifiers that are valid and unique within a test run. */
final class TestData {

    private TestData() {
    }

    /** A VIN with the right check digit in position 9 (model year N = 2022 in position 10). */
    static String vin(long n) {
        String seventeen = "LSVAU2A3" + "0" + "N" + String.format("%07d", n % 10_000_000L);
        return seventeen.substring(0, 8) + Vin.checkDigit(seventeen) + seventeen.substring(9);
    }

    /** An ordinary Beijing plate, 京A + five digits. */
    static String plate(long n) {
        return "京A" + String.format("%05d", n % 100_000L);
    }
}
