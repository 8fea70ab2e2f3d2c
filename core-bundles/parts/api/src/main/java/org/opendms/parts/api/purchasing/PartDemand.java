package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A part's demand from a warehouse (领用, issues less returns, per shop month) and next month's forecast, with the
 * error the chosen method made on the part's own history, so nobody trusts the number blindly.
 * <p>
 * Two methods are tried on the last months, each forecasting every month from the months before it only (a rolling
 * backtest): {@code MOVING_AVERAGE_3} (the last three months) and {@code CROSTON_SBA} (Croston's method with the
 * Syntetos–Boylan correction, made for parts that sell in some months and not in others). The one with the smaller
 * mean absolute error is used. Demand of a superseded part counts for its successor.
 *
 * @param months         the months of {@code monthly}, oldest first; the last is the month before this one
 * @param monthly        the quantity consumed in each month (0 when none)
 * @param method         {@code MOVING_AVERAGE_3}, {@code CROSTON_SBA}, or {@code TOO_LITTLE_HISTORY} (fewer than four
 *                       months since the first issue: the forecast is the average so far and no error is known)
 * @param forecast       next month's expected quantity
 * @param error          the chosen method's mean absolute error in the backtest, in the part's unit; null when not
 *                       measured
 * @param relativeError  {@code error} divided by the average demand of the backtest months (0.25 = off by a quarter
 *                       on average); null when not measured or when there was no demand
 * @param backtestMonths how many months the error is measured over
 */
public record PartDemand(long partId, String partNumber, String partName, List<YearMonth> months,
        List<BigDecimal> monthly, String method, BigDecimal forecast, BigDecimal error, BigDecimal relativeError,
        int backtestMonths) {
}
