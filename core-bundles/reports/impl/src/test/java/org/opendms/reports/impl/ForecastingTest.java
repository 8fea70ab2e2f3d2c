package org.opendms.reports.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opendms.reports.api.Forecast;

/** The forecast's two methods and their backtest on histories whose right answer is known. */
class ForecastingTest {

    static final YearMonth TARGET = YearMonth.of(2027, 1);

    private static Map<YearMonth, Forecasting.Month> history(int months, java.util.function.IntUnaryOperator visits) {
        Map<YearMonth, Forecasting.Month> h = new HashMap<>();
        for (int i = 1; i <= months; i++) {
            YearMonth m = TARGET.minusMonths(i);
            int v = visits.applyAsInt(m.getMonthValue());
            h.put(m, new Forecasting.Month(v, BigDecimal.valueOf(v * 500L)));
        }
        return h;
    }

    @Test
    void aSteadyShopIsForecastExactlyWithNoError() {
        Forecast f = Forecasting.forecast(TARGET, history(6, m -> 100));
        assertEquals(Forecasting.MOVING_AVERAGE, f.method());
        assertEquals(new BigDecimal("100.00"), f.visits());
        assertEquals(new BigDecimal("50000.00"), f.revenue());
        assertEquals(new BigDecimal("0.0000"), f.visitsError());
        // six months of history: the three months with three before them are backtested
        assertEquals(3, f.backtest().size());
    }

    @Test
    void aSeasonalShopIsForecastByLastYearsMonthAndTheSeasonalMethodWinsTheBacktest() {
        // busy winters (December and January 200 visits), quiet otherwise (100): three years of history
        Forecast f = Forecasting.forecast(TARGET, history(36, m -> m == 12 || m == 1 ? 200 : 100));
        assertEquals(Forecasting.SEASONAL, f.method());
        assertEquals(new BigDecimal("200.00"), f.visits());
        assertEquals(new BigDecimal("0.0000"), f.visitsError());
        assertEquals(12, f.backtest().size());
        // the three months' average would have said 133.33 for January: the backtest shows what each month said
        assertEquals(new BigDecimal("133.33"), Forecasting.predict(Forecasting.MOVING_AVERAGE, TARGET,
                history(36, m -> m == 12 || m == 1 ? 200 : 100), x -> BigDecimal.valueOf(x.visits())));
    }

    @Test
    void tooLittleHistoryForecastsNothingRatherThanAGuess() {
        Forecast f = Forecasting.forecast(TARGET, history(3, m -> 100));
        assertNull(f.visits());
        assertNull(f.revenue());
        assertEquals(0, f.backtest().size());
    }
}
