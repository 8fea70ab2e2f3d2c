package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Next month's visits and revenue (预测), by the method that erred least on the shop's own last twelve months, with that
 * backtest shown so that nobody trusts a number blindly.
 *
 * @param month        the month forecast
 * @param visits       vehicles in forecast; null with too little history (less than four months)
 * @param revenue      net revenue forecast (yuan); null likewise
 * @param method       {@code MOVING_AVERAGE_3} (the last three months' average) or {@code SEASONAL_TREND} (the same
 *                     month last year times the last three months' growth on a year before; needs fifteen months)
 * @param visitsError  the method's mean absolute percentage error on the backtest months, e.g. 0.083 (8.3 %)
 * @param revenueError likewise for revenue
 * @param backtest     each of the last (up to twelve) months: what happened and what the method would have said
 *                     with only the months before it
 */
public record Forecast(YearMonth month, BigDecimal visits, BigDecimal revenue, String method, BigDecimal visitsError,
        BigDecimal revenueError, List<BacktestMonth> backtest) {

    public Forecast {
        backtest = List.copyOf(backtest);
    }

    /** One month of the backtest. */
    public record BacktestMonth(YearMonth month, long visits, BigDecimal revenue, BigDecimal predictedVisits,
            BigDecimal predictedRevenue) {
    }
}
