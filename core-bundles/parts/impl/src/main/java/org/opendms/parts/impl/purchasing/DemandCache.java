package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.purchasing.PartDemand;
import org.opendms.platform.api.ShopClock;

/**
 * The demand forecasts of each warehouse, computed once a month. The ledger never changes a past month (a posting is
 * dated when it is made, a correction is a new row of today), so the forecast from the whole months before this one
 * stands until the month turns, or until a supersession changes which part a consumption counts for. Numbers and
 * names of the parts are read at every call, so a renamed part shows its new name.
 */
final class DemandCache {

    /** Months of history read for a forecast: two years, so a backtest of twelve months has a year before it. */
    static final int HISTORY_MONTHS = 24;

    /** One part's months and their forecast. */
    private record Forecast(long partId, List<BigDecimal> monthly, DemandForecasting.Result result) {
    }

    private record Entry(YearMonth lastMonth, String supersessions, List<YearMonth> months, List<Forecast> parts) {
    }

    private final Map<Long, Entry> byWarehouse = new ConcurrentHashMap<>();

    List<PartDemand> demand(JpaTemplate jpa, long warehouseId, ShopClock clock) {
        YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
        String stamp = jpa.txExpr(em -> {
            Object[] r = (Object[]) em.createQuery("SELECT COUNT(s), MAX(s.id), COUNT(s.endedAt) FROM"
                    + " SupersessionEntity s").getSingleResult();
            return r[0] + "/" + r[1] + "/" + r[2];
        });
        Entry entry = byWarehouse.get(warehouseId);
        if (entry == null || !entry.lastMonth().equals(last) || !entry.supersessions().equals(stamp)) {
            entry = compute(jpa, warehouseId, clock, last, stamp);
            byWarehouse.put(warehouseId, entry);
        }
        Entry e = entry;
        Map<Long, String[]> names = jpa.txExpr(
                em -> DemandHistory.names(em, e.parts().stream().map(Forecast::partId).toList()));
        List<PartDemand> out = new ArrayList<>(e.parts().size());
        for (Forecast f : e.parts()) {
            String[] name = names.get(f.partId());
            if (name != null) {
                DemandForecasting.Result r = f.result();
                out.add(new PartDemand(f.partId(), name[0], name[1], e.months(), f.monthly(), r.method(),
                        r.forecast(), r.error(), r.relativeError(), r.backtestMonths()));
            }
        }
        out.sort(Comparator.comparing(PartDemand::partNumber));
        return out;
    }

    private static Entry compute(JpaTemplate jpa, long warehouseId, ShopClock clock, YearMonth last, String stamp) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = HISTORY_MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Map<Long, BigDecimal[]> history = jpa
                .txExpr(em -> DemandHistory.of(em, warehouseId, months, clock.zone(), clock.today()));
        List<Forecast> parts = new ArrayList<>(history.size());
        history.forEach((part, monthly) -> {
            double[] q = new double[monthly.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = monthly[i].doubleValue(); // a quantity, not money: the statistics may be approximate
            }
            parts.add(new Forecast(part, List.of(monthly), DemandForecasting.forecast(q)));
        });
        return new Entry(last, stamp, List.copyOf(months), parts);
    }
}
