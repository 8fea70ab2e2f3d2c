package org.opendms.parts.impl.purchasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DemandForecastingTest {

    @Test
    void steadyDemandIsForecastByTheAverageWithoutError() {
        double[] y = new double[24];
        java.util.Arrays.fill(y, 10);
        DemandForecasting.Result r = DemandForecasting.forecast(y);
        assertEquals(DemandForecasting.MOVING_AVERAGE_3, r.method());
        assertEquals(new BigDecimal("10.00"), r.forecast());
        assertEquals(new BigDecimal("0.00"), r.error());
        assertEquals(12, r.backtestMonths());
    }

    @Test
    void crostonWorkedByHand() {
        // first demand 4, the next (8) three months later: size 4 + 0.15 × (8 − 4) = 4.6, interval 3;
        // forecast (1 − 0.075) × 4.6 / 3 = 1.418333
        assertEquals(1.418333, DemandForecasting.croston(new double[] { 0, 4, 0, 0, 8 }, 5), 0.000001);
        // then 2 after two months: size 4.6 + 0.15 × (2 − 4.6) = 4.21, interval 3 + 0.15 × (2 − 3) = 2.85;
        // forecast 0.925 × 4.21 / 2.85 = 1.366404
        assertEquals(1.366404, DemandForecasting.croston(new double[] { 0, 4, 0, 0, 8, 0, 2 }, 7), 0.000001);
        // one demand alone: once in the months since it (month 1 of 0 … 4: once in 4 months)
        assertEquals(0.925 * 4 / 4, DemandForecasting.croston(new double[] { 0, 4, 0, 0, 0 }, 5), 0.000001);
        assertEquals(0, DemandForecasting.croston(new double[] { 0, 0 }, 2));
    }

    @Test
    void lumpyDemandIsForecastByCrostonAndTheErrorIsTheBacktests() {
        // a disc that sells six in every third month: the moving average is always 2 and always wrong by 2 or 4
        double[] y = new double[24];
        for (int i = 0; i < y.length; i += 3) {
            y[i] = 6;
        }
        DemandForecasting.Result r = DemandForecasting.forecast(y);
        assertEquals(DemandForecasting.CROSTON_SBA, r.method());
        // Croston's interval settles at 3 and its size at 6: (1 − 0.075) × 6 / 3
        assertEquals(new BigDecimal("1.85"), r.forecast());
        // the moving average's error over the last 12 months is (4 + 2 + 2) / 3 = 2.67; Croston's must be below it
        double ma = 0;
        for (int t = 12; t < 24; t++) {
            ma += Math.abs(y[t] - DemandForecasting.movingAverage(y, t));
        }
        assertEquals(2.67, ma / 12, 0.01);
        // Croston's: |6 − 1.85| once and 1.85 twice in every three months = 2.62
        assertEquals(new BigDecimal("2.62"), r.error());
        // over an average demand of 2
        assertEquals(new BigDecimal("1.31"), r.relativeError());
        assertEquals(12, r.backtestMonths());
    }

    @Test
    void aNewPartHasTooLittleHistoryToMeasure() {
        DemandForecasting.Result r = DemandForecasting.forecast(new double[] { 0, 0, 0, 0, 3, 5 });
        assertEquals(DemandForecasting.TOO_LITTLE_HISTORY, r.method());
        assertEquals(new BigDecimal("4.00"), r.forecast());
        assertNull(r.error());
        assertNull(r.relativeError());
    }

    @Test
    void aPartNoLongerUsedForecastsNothing() {
        double[] y = new double[24];
        y[0] = 5;
        y[1] = 5;
        y[2] = 5;
        y[3] = 5;
        DemandForecasting.Result r = DemandForecasting.forecast(y);
        assertEquals(0, r.forecast().compareTo(BigDecimal.ZERO), r.toString());
        assertNull(r.relativeError(), "no demand in the backtest months: no relative error");
    }
}
