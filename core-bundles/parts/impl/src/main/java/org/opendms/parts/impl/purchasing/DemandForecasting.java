package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Next month's demand of one part from its monthly history, by the method that erred least on that history.
 * <p>
 * Parts demand is lumpy: a brake disc sells in two months of five. A moving average then forecasts a little every
 * month and is wrong every month; Croston's method smooths the size of a demand and the interval between demands
 * apart, and the Syntetos–Boylan factor (1 − α/2) takes out its known upward bias. Which one suits a part is decided on
 * the part's own months: each month of the backtest is forecast from the months before it only.
 */
final class DemandForecasting {

    static final String MOVING_AVERAGE_3 = "MOVING_AVERAGE_3";
    static final String CROSTON_SBA = "CROSTON_SBA";
    static final String TOO_LITTLE_HISTORY = "TOO_LITTLE_HISTORY";

    /** Smoothing of Croston's size and interval: slow, as monthly parts demand is noisy. */
    static final double ALPHA = 0.15;
    /** Months the error is measured over, at most. */
    static final int BACKTEST = 12;
    /** Months before the first forecast of the backtest (the moving average needs three). */
    private static final int WARM_UP = 3;

    /** The forecast and how it was reached; error and relativeError null when not measured. */
    record Result(String method, BigDecimal forecast, BigDecimal error, BigDecimal relativeError, int backtestMonths) {
    }

    private DemandForecasting() {
    }

    /** {@code monthly}: quantities oldest first, the last one the month before the one to forecast. */
    static Result forecast(double[] monthly) {
        int first = 0;
        while (first < monthly.length && monthly[first] <= 0) {
            first++;
        }
        double[] y = java.util.Arrays.copyOfRange(monthly, first, monthly.length); // from the part's first demand
        int n = y.length;
        if (n <= WARM_UP) {
            double mean = 0;
            for (double v : y) {
                mean += v / n;
            }
            return new Result(TOO_LITTLE_HISTORY, round(n == 0 ? 0 : mean), null, null, 0);
        }
        int from = Math.max(WARM_UP, n - BACKTEST);
        double maErr = 0;
        double sbaErr = 0;
        double actual = 0;
        for (int t = from; t < n; t++) {
            maErr += Math.abs(y[t] - movingAverage(y, t));
            sbaErr += Math.abs(y[t] - croston(y, t));
            actual += Math.max(0, y[t]);
        }
        int months = n - from;
        boolean sba = sbaErr < maErr;
        double err = (sba ? sbaErr : maErr) / months;
        double mean = actual / months;
        return new Result(sba ? CROSTON_SBA : MOVING_AVERAGE_3, round(sba ? croston(y, n) : movingAverage(y, n)),
                round(err), mean > 0 ? round(err / mean) : null, months);
    }

    /** The mean of the three months before month t. */
    static double movingAverage(double[] y, int t) {
        return Math.max(0, (y[t - 1] + y[t - 2] + y[t - 3]) / 3);
    }

    /**
     * Croston's forecast for month t from months 0 … t−1, with the Syntetos–Boylan correction; 0 before any demand.
     * The interval starts as the first gap between two demands (one demand alone: the months since it), not as the
     * months before the first demand, which say nothing about how often the part sells.
     */
    static double croston(double[] y, int t) {
        double size = 0;
        double interval = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < t; i++) {
            if (y[i] <= 0) {
                continue;
            }
            if (first < 0) {
                size = y[i];
                first = i;
            } else {
                size += ALPHA * (y[i] - size);
                interval = last == first ? i - last : interval + ALPHA * (i - last - interval);
            }
            last = i;
        }
        if (first < 0) {
            return 0;
        }
        return (1 - ALPHA / 2) * size / (last == first ? Math.max(1, t - first) : interval);
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
