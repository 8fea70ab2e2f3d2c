package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opendms.reports.api.Forecast;

/**
 * Two plain methods, each backtested on the shop's own months before it is trusted: the last three months' average,
 * and the same month a year earlier times the growth of the last three months on the same three a year before
 * (seasonal: a shop's December is not its February). The one with the smaller mean absolute percentage error on
 * the last twelve months forecasts.
 */
final class Forecasting {

    static final String MOVING_AVERAGE = "MOVING_AVERAGE_3", SEASONAL = "SEASONAL_TREND";
    static final int BACKTEST = 12;

    private Forecasting() {
    }

    /** A month's actual figures. */
    record Month(long visits, BigDecimal revenue) {
    }

    /**
     * @param history every month before {@code target} that has figures (missing months count as none)
     */
    static Forecast forecast(YearMonth target, Map<YearMonth, Month> history) {
        YearMonth first = history.keySet().stream().min(YearMonth::compareTo).orElse(target);
        List<String> methods = new ArrayList<>(List.of(MOVING_AVERAGE));
        if (!first.isAfter(target.minusMonths(15 + BACKTEST))) {
            methods.add(SEASONAL);
        }
        if (first.isAfter(target.minusMonths(4))) {
            return new Forecast(target, null, null, MOVING_AVERAGE, null, null, List.of());
        }
        String best = null;
        BigDecimal bestVisitsError = null, bestRevenueError = null;
        List<Forecast.BacktestMonth> bestBacktest = List.of();
        for (String method : methods) {
            List<Forecast.BacktestMonth> backtest = new ArrayList<>();
            BigDecimal visitsError = BigDecimal.ZERO, revenueError = BigDecimal.ZERO;
            int nv = 0, nr = 0;
            for (YearMonth m = target.minusMonths(BACKTEST); m.isBefore(target); m = m.plusMonths(1)) {
                if (m.isBefore(first.plusMonths(3))) {
                    continue; // not enough months before it to predict it
                }
                Month actual = figures(history, m);
                BigDecimal pv = predict(method, m, history, x -> BigDecimal.valueOf(x.visits()));
                BigDecimal pr = predict(method, m, history, Month::revenue);
                backtest.add(new Forecast.BacktestMonth(m, actual.visits(), actual.revenue(), pv, pr));
                if (actual.visits() > 0) {
                    visitsError = visitsError.add(ape(pv, BigDecimal.valueOf(actual.visits())));
                    nv++;
                }
                if (actual.revenue().signum() > 0) {
                    revenueError = revenueError.add(ape(pr, actual.revenue()));
                    nr++;
                }
            }
            BigDecimal ve = nv == 0 ? null : visitsError.divide(BigDecimal.valueOf(nv), 4, RoundingMode.HALF_UP);
            BigDecimal re = nr == 0 ? null : revenueError.divide(BigDecimal.valueOf(nr), 4, RoundingMode.HALF_UP);
            if (best == null || (ve != null && (bestVisitsError == null || ve.compareTo(bestVisitsError) < 0))) {
                best = method;
                bestVisitsError = ve;
                bestRevenueError = re;
                bestBacktest = backtest;
            }
        }
        return new Forecast(target, predict(best, target, history, x -> BigDecimal.valueOf(x.visits())),
                predict(best, target, history, Month::revenue), best, bestVisitsError, bestRevenueError, bestBacktest);
    }

    /** The method's figure for month {@code m} from the months before it only. */
    static BigDecimal predict(String method, YearMonth m, Map<YearMonth, Month> history,
            Function<Month, BigDecimal> figure) {
        BigDecimal last3 = sum(history, m.minusMonths(3), m, figure);
        if (SEASONAL.equals(method)) {
            BigDecimal yearBefore = sum(history, m.minusMonths(15), m.minusMonths(12), figure);
            BigDecimal sameMonth = figure.apply(figures(history, m.minusMonths(12)));
            if (yearBefore.signum() > 0) {
                return sameMonth.multiply(last3).divide(yearBefore, 2, RoundingMode.HALF_UP);
            }
        }
        return last3.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(Map<YearMonth, Month> history, YearMonth from, YearMonth before,
            Function<Month, BigDecimal> figure) {
        BigDecimal s = BigDecimal.ZERO;
        for (YearMonth m = from; m.isBefore(before); m = m.plusMonths(1)) {
            s = s.add(figure.apply(figures(history, m)));
        }
        return s;
    }

    private static Month figures(Map<YearMonth, Month> history, YearMonth m) {
        return history.getOrDefault(m, new Month(0, BigDecimal.ZERO));
    }

    private static BigDecimal ape(BigDecimal predicted, BigDecimal actual) {
        return predicted.subtract(actual).abs().divide(actual, 6, RoundingMode.HALF_UP);
    }
}
